package org.incidentintel.etl.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A file to load: where it is, its size and SHA-256 checksum (for provenance), and the
 * charset its text is read with, either given ({@code --encoding}) or detected from its
 * first bytes.
 */
public final class SourceFile {

	/** How many leading bytes the UTF-8 check looks at. */
	static final int DETECTION_WINDOW = 1 << 20;

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	// WHATWG maps these labels to windows-1252 too: real "latin1" files carry curly
	// quotes
	// and dashes in 0x80-0x9F, which ISO-8859-1 would turn into control characters
	private static final Set<String> LATIN1_LABELS = Set.of("latin1", "latin-1", "l1", "iso-8859-1", "iso8859-1",
			"iso_8859-1", "iso88591", "cp819", "ibm819", "us-ascii", "ascii");

	private final Path path;

	private final String displayName;

	private final long size;

	private final DetectedEncoding encoding;

	private volatile String sha256;

	private SourceFile(Path path, String displayName, long size, DetectedEncoding encoding) {
		this.path = path;
		this.displayName = displayName;
		this.size = size;
		this.encoding = encoding;
	}

	/** The file, its charset detected from its content. */
	public static SourceFile of(Path path) throws IOException {
		return of(path, null);
	}

	/**
	 * The file, read with the given encoding ({@code UTF-8}, {@code windows-1252},
	 * {@code cp1252}, {@code latin1}, ...), or detected when {@code encoding} is null or
	 * blank.
	 * @throws IllegalArgumentException for an encoding name Java does not know
	 */
	public static SourceFile of(Path path, String encoding) throws IOException {
		long size = Files.size(path);
		Path fileName = path.getFileName();
		String displayName = (fileName != null) ? fileName.toString() : path.toString();
		return new SourceFile(path, displayName, size, encoding(path, encoding));
	}

	/** This file read with another encoding (null or blank: detected). */
	public SourceFile withEncoding(String encoding) throws IOException {
		return new SourceFile(this.path, this.displayName, this.size, encoding(this.path, encoding));
	}

	public Path path() {
		return this.path;
	}

	/** The file name, for messages and the rejects table. */
	public String displayName() {
		return this.displayName;
	}

	/** Size in bytes. */
	public long size() {
		return this.size;
	}

	/** The charset the file's text is read with. */
	public Charset charset() {
		return this.encoding.charset();
	}

	/** The charset and why it was chosen, for the command line to print. */
	public DetectedEncoding detectedEncoding() {
		return this.encoding;
	}

	/**
	 * The SHA-256 of the file's bytes as lower-case hex, computed (streamed) on first use
	 * and then remembered.
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public String sha256() {
		String checksum = this.sha256;
		if (checksum == null) {
			synchronized (this) {
				checksum = this.sha256;
				if (checksum == null) {
					checksum = computeSha256(this.path);
					this.sha256 = checksum;
				}
			}
		}
		return checksum;
	}

	/** The file's bytes, from the very first (byte order mark included). */
	public InputStream openStream() throws IOException {
		return Files.newInputStream(this.path);
	}

	/**
	 * The file's text in its charset, past any byte order mark. Bytes that are not valid
	 * in the charset read as U+FFFD.
	 */
	public Reader openReader() throws IOException {
		return openReader(Files.newInputStream(this.path));
	}

	/**
	 * The text of {@code file}, a stream of this file's bytes from the first (a
	 * {@link CountingInputStream} for a reader that tells how far it got).
	 */
	Reader openReader(InputStream file) throws IOException {
		InputStream in = new BufferedInputStream(file, 64 * 1024);
		try {
			in.skipNBytes(this.encoding.bomLength());
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
		CharsetDecoder decoder = charset().newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return new InputStreamReader(in, decoder);
	}

	@Override
	public String toString() {
		return this.displayName + " (" + this.encoding.description() + ")";
	}

	/**
	 * Resolves an encoding name as data engineers type it.
	 * @throws IllegalArgumentException for a name Java does not know
	 */
	static Charset charsetFor(String name) {
		String label = name.trim().toLowerCase(Locale.ROOT);
		if (LATIN1_LABELS.contains(label) || label.equals("win1252") || label.equals("windows1252")) {
			return WINDOWS_1252;
		}
		if (label.equals("utf8") || label.equals("utf-8-sig")) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(label);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new IllegalArgumentException("Unknown encoding '" + name + "' (try UTF-8 or windows-1252)", ex);
		}
	}

	private static DetectedEncoding encoding(Path path, String override) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(path)) {
			head = in.readNBytes(DETECTION_WINDOW);
		}
		boolean wholeFile = head.length < DETECTION_WINDOW || Files.size(path) == head.length;
		Container container = Container.of(head);
		if (container != null) {
			// Its bytes are compressed or structured, not text: a charset guess would be
			// noise
			String ignored = (override != null && !override.isBlank()) ? "; --encoding " + override.trim() + " ignored"
					: "";
			return new DetectedEncoding(StandardCharsets.UTF_8, 0,
					"none (" + container.description + ", not text" + ignored + ")", false);
		}
		Bom bom = Bom.of(head);
		if (override != null && !override.isBlank()) {
			Charset charset = charsetFor(override);
			if (bom != null && (bom.charset.equals(charset) || charset.name().equals("UTF-16"))) {
				return new DetectedEncoding(bom.charset, bom.length,
						bom.charset.name() + " (--encoding " + override.trim() + ", BOM)");
			}
			String note = LATIN1_LABELS.contains(override.trim().toLowerCase(Locale.ROOT))
					? ", read as its superset windows-1252" : "";
			return new DetectedEncoding(charset, 0, charset.name() + " (--encoding " + override.trim() + note + ")");
		}
		if (bom != null) {
			return new DetectedEncoding(bom.charset, bom.length, bom.charset.name() + " (BOM)");
		}
		if (head.length == 0) {
			return new DetectedEncoding(StandardCharsets.UTF_8, 0, "UTF-8 (empty file)");
		}
		long invalidAt = firstInvalidUtf8Byte(head, wholeFile);
		if (invalidAt >= 0) {
			return new DetectedEncoding(WINDOWS_1252, 0, "windows-1252 (not valid UTF-8 at byte " + invalidAt + ")");
		}
		return new DetectedEncoding(StandardCharsets.UTF_8, 0,
				wholeFile ? "UTF-8 (valid UTF-8)" : "UTF-8 (valid UTF-8 in the first " + head.length + " bytes)");
	}

	/**
	 * The offset of the first byte that is not valid UTF-8, or -1. In a window shorter
	 * than the file, a sequence cut off by the window's end is not an error.
	 */
	private static long firstInvalidUtf8Byte(byte[] bytes, boolean wholeFile) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			CoderResult result = decoder.decode(in, out, wholeFile);
			if (result.isError()) {
				return in.position();
			}
			if (result.isOverflow()) {
				out.clear();
				continue;
			}
			return -1;
		}
	}

	private static String computeSha256(Path path) {
		try (InputStream in = Files.newInputStream(path)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The charset a file is read with and why.
	 *
	 * @param charset the charset
	 * @param bomLength how many leading bytes are a byte order mark (skipped by readers)
	 * @param description e.g. {@code UTF-8 (BOM)} or
	 * {@code windows-1252 (not valid UTF-8 at byte 1234)}; the byte offset is 0-based;
	 * {@code none (a zip container such as XLSX, not text)} for a binary container
	 * @param isText whether the file is text at all (a workbook is not: its charset is a
	 * placeholder that no reader uses)
	 */
	public record DetectedEncoding(Charset charset, int bomLength, String description, boolean isText) {

		DetectedEncoding(Charset charset, int bomLength, String description) {
			this(charset, bomLength, description, true);
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

	/**
	 * A binary container recognised by its signature: its bytes are never read as text.
	 */
	private enum Container {

		ZIP("a zip container such as XLSX", 0x50, 0x4B, 0x03, 0x04),

		OLE2("an OLE2 container such as a legacy .xls", 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

		private final String description;

		private final int[] signature;

		Container(String description, int... signature) {
			this.description = description;
			this.signature = signature;
		}

		static Container of(byte[] head) {
			for (Container container : values()) {
				if (container.startsWith(head)) {
					return container;
				}
			}
			return null;
		}

		private boolean startsWith(byte[] head) {
			if (head.length < this.signature.length) {
				return false;
			}
			for (int i = 0; i < this.signature.length; i++) {
				if ((head[i] & 0xFF) != this.signature[i]) {
					return false;
				}
			}
			return true;
		}

	}

	private record Bom(Charset charset, int length) {

		static Bom of(byte[] head) {
			if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
				return new Bom(StandardCharsets.UTF_8, 3);
			}
			if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
				return new Bom(StandardCharsets.UTF_16LE, 2);
			}
			if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
				return new Bom(StandardCharsets.UTF_16BE, 2);
			}
			return null;
		}

	}

}
