-- CreateTable
CREATE TABLE "ControlToken" (
    "id" TEXT NOT NULL,
    "call" TEXT NOT NULL,

    CONSTRAINT "ControlToken_pkey" PRIMARY KEY ("id")
);

