-- DropForeignKey
ALTER TABLE "HeygenEvent" DROP CONSTRAINT "HeygenEvent_videoId_fkey";

-- DropIndex
DROP INDEX "HeygenEvent_videoId_idx";

-- AlterTable
ALTER TABLE "HeygenEvent" DROP COLUMN "outcome",
DROP COLUMN "videoId";
