package org.zerocarbon.telemetry.opcua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The keystore password of headless runs (zcw). {@code ZCW_OPCUA_KEYSTORE_PASSWORD} when set; otherwise a random
 * password made when the keystore is created and kept next to it in {@code own/zerocarbon-client.password}, readable
 * by its owner only (rw-------, where the file system has POSIX permissions).
 * <p>
 * Why a file and not a constant or a prompt: zcw runs unattended (builds, schedules), so nobody can type a password,
 * and a constant in the source would be the same published secret in every installation. A secret made per
 * installation and protected like the keystore beside it is as strong as the PKI folder's own protection, which is
 * what OPC UA tools rely on anyway (Milo's examples and most clients keep the private key unencrypted in the PKI
 * folder). Who wants more sets ZCW_OPCUA_KEYSTORE_PASSWORD from the build's secret store; then no file is written.
 */
final class FilePassword implements OpcUaPki.KeystorePassword {

	/** The environment variable that gives the keystore password instead of the file. */
	static final String ENVIRONMENT = "ZCW_OPCUA_KEYSTORE_PASSWORD";
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Map<String, String> env;

	FilePassword(Map<String, String> env) {
		this.env = env;
	}

	/** The password file next to a keystore. */
	static Path file(Path keystore) {
		return keystore.resolveSibling("zerocarbon-client.password");
	}

	@Override
	public char[] get(Path keystore, boolean create) throws IOException {
		String given = env.get(ENVIRONMENT);
		if (given != null && !given.isEmpty()) {
			return given.toCharArray();
		}
		Path file = file(keystore);
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
		}
		if (!create) {
			throw new IOException("the keystore " + keystore + " has no password file " + file + " and " + ENVIRONMENT
					+ " is not set; set it, or delete the keystore to make a new client certificate (servers then have"
					+ " to trust the new one)");
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.createDirectories(file.getParent());
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		} catch (UnsupportedOperationException e) {
			Files.createFile(file); // no POSIX permissions here (Windows): the user profile's ACL protects it
		} catch (FileAlreadyExistsException e) {
			return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray(); // another run made it
		}
		Files.writeString(file, password, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		return password.toCharArray();
	}
}
