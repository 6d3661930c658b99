'use strict';
// Where the extension finds `zcw lsp`. Kept free of the `vscode` module so that test/ can run it under plain node.
//
// The extension does not carry a server: the language server is the product's own `zcw` (the Equinox product of
// 173 bundles: 87 MB unpacked, an 82 MB archive, plus a JDK 21 it does not include), which users of the workbench
// or the CLI already have; carrying it would make the extension 300 times bigger and give it a second copy to update. The setting zerocarbon.server.path points at it; by default `zcw` is looked up on the PATH.

const fs = require('fs');
const os = require('os');
const path = require('path');

const SETTING = 'zerocarbon.server.path';
const DEFAULT_COMMAND = 'zcw';

/** A user-facing problem with the configured server (shown as a notification, no stack trace). */
class ServerConfigurationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ServerConfigurationError';
  }
}

function isExecutableFile(file, platform) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(file) {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The file names a bare command may have (Windows: with the extensions of PATHEXT). */
function candidates(name, platform, env) {
  if (platform !== 'win32' || path.extname(name)) return [name];
  const extensions = (env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  return [name, ...extensions.map((e) => name + e.toLowerCase()), ...extensions.map((e) => name + e)];
}

/** The first executable file named `name` in the folders of the PATH, or undefined. */
function findOnPath(name, env, platform) {
  const pathValue = env.PATH || env.Path || '';
  const delimiter = platform === 'win32' ? ';' : ':';
  for (const folder of pathValue.split(delimiter)) {
    if (!folder) continue;
    for (const candidate of candidates(name, platform, env)) {
      const file = path.join(folder, candidate);
      if (isExecutableFile(file, platform)) return file;
    }
  }
  return undefined;
}

function expand(value, workspaceFolder, home) {
  let result = value.trim();
  if (result === '~' || result.startsWith('~/')) result = home + result.slice(1);
  result = result.replace(/\$\{userHome\}/g, home);
  if (workspaceFolder) result = result.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  return result;
}

/**
 * The command that starts the language server.
 *
 * @param {object} settings
 * @param {string} [settings.path] zerocarbon.server.path: a command on the PATH, a file, or a product folder
 *   (the folder of a checkout or an installation, holding `zcw`); `~`, `${userHome}` and `${workspaceFolder}`
 *   are expanded, a relative path is resolved against the first workspace folder
 * @param {string[]} [settings.args] extra arguments after `lsp`
 * @param {Object<string, string>} [settings.env] extra environment variables
 * @param {object} [context]
 * @param {string[]} [context.workspaceFolders] file-system paths of the workspace folders
 * @param {Object<string, string>} [context.env] the environment (default process.env)
 * @param {string} [context.platform] default process.platform
 * @param {string} [context.home] default os.homedir()
 * @returns {{command: string, args: string[], options: {cwd?: string, env: Object<string, string>}}}
 * @throws {ServerConfigurationError} when there is no such server, with what to do about it
 */
function resolveServerCommand(settings = {}, context = {}) {
  const env = context.env || process.env;
  const platform = context.platform || process.platform;
  const home = context.home || os.homedir();
  const folders = context.workspaceFolders || [];
  const workspaceFolder = folders[0];
  const configured = typeof settings.path === 'string' && settings.path.trim() ? settings.path : DEFAULT_COMMAND;
  const value = expand(configured, workspaceFolder, home);
  if (value.includes('${workspaceFolder}')) {
    throw new ServerConfigurationError(`${SETTING} "${configured}" uses \${workspaceFolder}, but no folder is open.`);
  }

  let command;
  const bare = !value.includes('/') && !value.includes('\\');
  if (bare) {
    command = findOnPath(value, env, platform);
    if (!command) {
      throw new ServerConfigurationError(
        `The ZeroCarbon language server "${value}" is not on the PATH. Install the ZeroCarbon Workbench product `
        + '(in a checkout: ./mvnw -B install -DskipTests) and set ' + SETTING + ' to its zcw (or its folder), '
        + 'or put zcw on the PATH.');
    }
  } else {
    let file = path.normalize(value);
    if (!path.isAbsolute(file)) {
      if (!workspaceFolder) {
        throw new ServerConfigurationError(
          `${SETTING} "${configured}" is a relative path, but no folder is open: use an absolute path.`);
      }
      file = path.resolve(workspaceFolder, file);
    }
    if (isDirectory(file)) {
      const inside = candidates('zcw', platform, env).map((n) => path.join(file, n)).find((f) => isExecutableFile(f, platform));
      if (!inside) {
        throw new ServerConfigurationError(`${SETTING}: the folder ${file} holds no executable zcw. `
          + 'Point the setting at the product\'s zcw (the checkout\'s top folder or the zcw file).');
      }
      file = inside;
    } else if (!fs.existsSync(file)) {
      throw new ServerConfigurationError(`${SETTING}: ${file} does not exist.`);
    } else if (!isExecutableFile(file, platform)) {
      throw new ServerConfigurationError(`${SETTING}: ${file} is not an executable file (chmod +x it).`);
    }
    command = file;
  }

  const extraArgs = Array.isArray(settings.args) ? settings.args.filter((a) => typeof a === 'string') : [];
  const extraEnv = {};
  for (const [key, val] of Object.entries(settings.env || {})) {
    if (typeof val === 'string') extraEnv[key] = val;
  }
  const options = { env: { ...env, ...extraEnv } };
  if (workspaceFolder) options.cwd = workspaceFolder;
  return { command, args: ['lsp', ...extraArgs], options };
}

module.exports = { resolveServerCommand, findOnPath, ServerConfigurationError, SETTING, DEFAULT_COMMAND };
