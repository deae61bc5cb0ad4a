-- CreateTable
CREATE TABLE "ControlToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "call" TEXT NOT NULL
);

