package io.wampspring.interop.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the interop suite finds its scripts and interpreters.
 *
 * <p>
 * The {@code interop/} folder comes from the {@code wamp.interop.dir} system property
 * (set by the module's surefire configuration), else the working directory. Node.js is
 * {@code node} on the {@code PATH} unless {@code wamp.interop.node} names another; Python
 * is Debian's {@code /usr/bin/python3} (where {@code python3-autobahn} is installed)
 * unless {@code wamp.interop.python} names another.
 */
public final class InteropEnvironment {

	private InteropEnvironment() {
	}

	/**
	 * Returns the {@code interop/} folder.
	 * @return the absolute path of the folder holding {@code package.json} and the peer
	 * scripts
	 */
	public static Path directory() {
		String configured = System.getProperty("wamp.interop.dir");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		Path cwd = Path.of("").toAbsolutePath();
		if (Files.exists(cwd.resolve("package.json"))) {
			return cwd;
		}
		return cwd.resolve("interop");
	}

	/**
	 * Returns a script of the interop folder, checking that it exists.
	 * @param relativePath the path below {@code interop/}, e.g.
	 * {@code autobahn-js/callee.js}
	 * @return the absolute path of the script
	 */
	public static Path script(String relativePath) {
		Path script = directory().resolve(relativePath);
		if (!Files.isRegularFile(script)) {
			throw new IllegalStateException("Interop script " + script + " does not exist");
		}
		return script;
	}

	/**
	 * Checks that {@code npm ci} has run in the interop folder.
	 * @throws IllegalStateException naming the command to run when the packages are
	 * missing
	 */
	public static void requireNodeModules() {
		Path modules = directory().resolve("node_modules");
		for (String pkg : new String[] { "fox-wamp", "autobahn", "ws" }) {
			if (!Files.isDirectory(modules.resolve(pkg))) {
				throw new IllegalStateException("npm package " + pkg + " is not installed in " + modules
						+ ": run 'npm ci' in " + directory() + " (interop/run does it)");
			}
		}
	}

	/**
	 * Returns the Node.js executable.
	 * @return {@code node} or the {@code wamp.interop.node} system property
	 */
	public static String node() {
		return System.getProperty("wamp.interop.node", "node");
	}

	/**
	 * Returns the Python executable that has Debian's Autobahn|Python.
	 * @return {@code /usr/bin/python3} or the {@code wamp.interop.python} system property
	 */
	public static String python() {
		return System.getProperty("wamp.interop.python", "/usr/bin/python3");
	}

}
