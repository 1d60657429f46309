package dev.ordertracker.binance.replay;

/**
 * Raw input bytes {@code [0, length)} holding whole lines (the last one may lack its newline at the end of the input),
 * in input order. {@code bytesRead}: how much of the input had been read after it, for the progress line;
 * {@code oversizeLines}: lines longer than {@link ChunkReader#MAX_LINE} dropped just before it.
 */
record Chunk(byte[] bytes, int length, long bytesRead, int oversizeLines) {
}
