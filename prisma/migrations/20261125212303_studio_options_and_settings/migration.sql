-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "options" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "regeneratedFromId" TEXT;

-- CreateTable
CREATE TABLE "AppSetting" (
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Video_regeneratedFromId_idx" ON "Video"("regeneratedFromId");

-- AddForeignKey
ALTER TABLE "Video" ADD CONSTRAINT "Video_regeneratedFromId_fkey" FOREIGN KEY ("regeneratedFromId") REFERENCES "Video"("id") ON DELETE SET NULL ON UPDATE CASCADE;
