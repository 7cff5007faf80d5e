package org.schoolcollab.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entry names of a ZIP archive from its central directory, fetching only the end of the archive and
 * the directory itself (ranged reads), never the whole file: the end-of-central-directory record is in the last
 * 22 to 65,557 bytes, and names where the directory is. ZIP64 archives are followed through their locator.
 */
final class ZipDirectory {
    /** More than any Word document needs; a larger directory is not read. */
    static final long MAX_DIRECTORY_BYTES = 8L * 1024 * 1024;
    static final int MAX_ENTRIES = 100_000;
    private static final int EOCD = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;

    /** Reads bytes first to last inclusive of the archive. */
    interface Reader {
        byte[] read(long first, long last);
    }

    /** Why the bytes are not a ZIP archive this reader can list. */
    static final class NotAZip extends Exception {
        NotAZip(String message) {
            super(message);
        }
    }

    private ZipDirectory() {}

    static List<String> entryNames(long size, Reader reader) throws NotAZip {
        if (size < EOCD_SIZE) {
            throw new NotAZip("it is too short to be a ZIP archive");
        }
        long tailStart = Math.max(0, size - EOCD_SIZE - MAX_COMMENT);
        byte[] tail = reader.read(tailStart, size - 1);
        int at = findEndRecord(tail);
        if (at < 0) {
            throw new NotAZip("it has no ZIP end-of-central-directory record");
        }
        long endRecord = tailStart + at;
        long entries = u16(tail, at + 10);
        long directorySize = u32(tail, at + 12);
        long directoryOffset = u32(tail, at + 16);
        long directoryEnd = endRecord;
        if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            long locator = endRecord - 20;
            byte[] loc = locator >= tailStart ? slice(tail, (int) (locator - tailStart), 20)
                    : locator >= 0 ? reader.read(locator, locator + 19) : new byte[0];
            if (loc.length < 20 || s32(loc, 0) != ZIP64_LOCATOR) {
                throw new NotAZip("its ZIP64 end record has no locator");
            }
            long zip64End = u64(loc, 8);
            if (zip64End < 0 || zip64End + 56 > locator) {
                throw new NotAZip("its ZIP64 end record is outside the archive");
            }
            byte[] end64 = reader.read(zip64End, zip64End + 55);
            if (s32(end64, 0) != ZIP64_EOCD) {
                throw new NotAZip("its ZIP64 end record is not where its locator says");
            }
            entries = u64(end64, 32);
            directorySize = u64(end64, 40);
            directoryOffset = u64(end64, 48);
            directoryEnd = zip64End;
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > directoryEnd) {
            throw new NotAZip("its central directory is not where its end record says");
        }
        if (directorySize > MAX_DIRECTORY_BYTES || entries > MAX_ENTRIES) {
            throw new NotAZip("its central directory is too large (" + entries + " entries, " + directorySize + " bytes)");
        }
        if (entries == 0) {
            return List.of();
        }
        byte[] directory = reader.read(directoryOffset, directoryOffset + directorySize - 1);
        List<String> names = new ArrayList<>();
        int p = 0;
        for (long i = 0; i < entries; i++) {
            if (p + 46 > directory.length || s32(directory, p) != CENTRAL_HEADER) {
                throw new NotAZip("its central directory is damaged at entry " + i);
            }
            int flags = u16(directory, p + 8);
            int nameLength = u16(directory, p + 28);
            int extraLength = u16(directory, p + 30);
            int commentLength = u16(directory, p + 32);
            if (p + 46 + nameLength > directory.length) {
                throw new NotAZip("its central directory is damaged at entry " + i);
            }
            names.add(new String(directory, p + 46, nameLength,
                    (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /** The end record nearest the end whose comment length reaches exactly to the end; else the last signature. */
    private static int findEndRecord(byte[] tail) {
        int fallback = -1;
        for (int i = tail.length - EOCD_SIZE; i >= 0; i--) {
            if (s32(tail, i) == EOCD) {
                if (u16(tail, i + 20) == tail.length - i - EOCD_SIZE) {
                    return i;
                }
                if (fallback < 0) {
                    fallback = i;
                }
            }
        }
        return fallback;
    }

    private static byte[] slice(byte[] b, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, from, out, 0, length);
        return out;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int s32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int i) {
        return s32(b, i) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int i) {
        return u32(b, i) | u32(b, i + 4) << 32;
    }
}
