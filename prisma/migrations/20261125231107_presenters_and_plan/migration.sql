-- CreateTable
CREATE TABLE "Presenter" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "avatarId" TEXT NOT NULL,
    "voiceId" TEXT,
    "aspectRatio" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Presenter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanScript" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "script" TEXT NOT NULL,
    "presenterId" TEXT,
    "tag" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanScript_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Presenter_name_key" ON "Presenter"("name");

-- CreateIndex
CREATE INDEX "PlanScript_date_idx" ON "PlanScript"("date");

-- AddForeignKey
ALTER TABLE "PlanScript" ADD CONSTRAINT "PlanScript_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "Presenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A plan script is for one presenter or for a tag, never both or neither.
ALTER TABLE "PlanScript" ADD CONSTRAINT "PlanScript_for_presenter_or_tag" CHECK (("presenterId" IS NULL) <> ("tag" IS NULL));
