-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "description" TEXT;
