-- CreateTable
CREATE TABLE "WebhookTurnedAway" (
    "minute" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "WebhookTurnedAway_pkey" PRIMARY KEY ("minute","reason")
);
