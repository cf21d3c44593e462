-- Sessions become rows (issue 15, item 12): a cookie carries its session's id, and logout ends that row. The version
-- counter they replace goes: cookies issued before this migration carry no id and are refused (log in once more).

-- AlterTable
ALTER TABLE "AdminAuth" DROP COLUMN "sessionVersion";

-- CreateTable
CREATE TABLE "AdminSession" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "AdminSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminSession_expiresAt_idx" ON "AdminSession"("expiresAt");
