package org.incidentintel.etl.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a path names a file the command can load, before anything starts: a regular
 * file, readable, or a symbolic link that ends at one. Each other case gets its own
 * message (a directory, a FIFO or device, a symbolic link loop, a link to nothing), since
 * "no such file" would send the user looking for a file that is there.
 */
final class InputFiles {

	/** How many links a chain may have before it counts as a loop (Linux's limit). */
	private static final int MAX_LINKS = 40;

	// st_mode's file type bits, as the "unix" attribute view gives them
	private static final int S_IFMT = 0170000;

	private static final int S_IFIFO = 0010000;

	private static final int S_IFCHR = 0020000;

	private static final int S_IFBLK = 0060000;

	private static final int S_IFSOCK = 0140000;

	private InputFiles() {
	}

	/**
	 * Checks that {@code file} can be loaded.
	 * @param file the path as given
	 * @param what how the command calls the file, for the directory hint (e.g.
	 * {@code ingest loads one file per run})
	 * @throws CommandException naming the path and what it is instead
	 */
	static void requireRegularFile(Path file, String what) {
		BasicFileAttributes own = attributes(file, LinkOption.NOFOLLOW_LINKS);
		if (own == null) {
			throw new CommandException("no such file: " + file);
		}
		if (own.isSymbolicLink()) {
			checkLinkChain(file);
		}
		BasicFileAttributes target = attributes(file);
		if (target == null) {
			throw new CommandException("no such file: " + file);
		}
		if (target.isDirectory()) {
			throw new CommandException(file + " is a directory; give one file: " + what);
		}
		if (!target.isRegularFile()) {
			throw new CommandException(file + " is not a regular file (" + kind(file)
					+ "); give a file on disk: it is read twice (format detection, then the load) "
					+ "and its checksum is recorded");
		}
		if (!Files.isReadable(file)) {
			throw new CommandException(file + " cannot be read: permission denied");
		}
	}

	/**
	 * Follows a chain of symbolic links, so that a loop or a link to nothing is named as
	 * such rather than as a missing file.
	 */
	private static void checkLinkChain(Path file) {
		List<Path> chain = new ArrayList<>();
		Set<Path> seen = new HashSet<>();
		Path current = file;
		while (Files.isSymbolicLink(current)) {
			Path normalized = current.toAbsolutePath().normalize();
			chain.add(current);
			if (!seen.add(normalized) || chain.size() > MAX_LINKS) {
				throw new CommandException(file + " is a symbolic link loop (" + describe(chain) + ")");
			}
			Path target;
			try {
				target = Files.readSymbolicLink(current);
			}
			catch (IOException ex) {
				return;
			}
			Path parent = current.toAbsolutePath().getParent();
			current = (parent != null) ? parent.resolve(target) : target;
		}
		if (attributes(current, LinkOption.NOFOLLOW_LINKS) == null) {
			chain.add(current);
			throw new CommandException(
					file + " is a symbolic link to " + current + ", which does not exist (" + describe(chain) + ")");
		}
	}

	private static String describe(List<Path> chain) {
		return chain.stream().map(Path::toString).collect(Collectors.joining(" -> "));
	}

	/**
	 * The file's attributes, or null when there is no such file.
	 * @throws CommandException when the file system refuses to say (a loop of directory
	 * links on the way, a directory without permission)
	 */
	private static BasicFileAttributes attributes(Path file, LinkOption... options) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class, options);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (FileSystemException ex) {
			String reason = (ex.getReason() != null) ? ex.getReason() : ex.getClass().getSimpleName();
			throw new CommandException("cannot open " + file + ": " + reason);
		}
		catch (IOException ex) {
			throw new CommandException("cannot open " + file + ": " + ex.getMessage());
		}
	}

	/** What a file that is not a regular file is, as far as the platform tells. */
	static String kind(Path file) {
		try {
			int type = ((Integer) Files.getAttribute(file, "unix:mode")) & S_IFMT;
			return switch (type) {
				case S_IFIFO -> "a FIFO (named pipe)";
				case S_IFCHR -> "a character device";
				case S_IFBLK -> "a block device";
				case S_IFSOCK -> "a socket";
				default -> "a FIFO, device or socket";
			};
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException ex) {
			return "a FIFO, device or socket";
		}
	}

}
