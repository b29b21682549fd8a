"""`.dev.vars`: local secrets for `isolet dev`, read as wrangler reads them.

wrangler (`loadDotDevDotVars`) reads `.dev.vars.<env>` next to the config
file when an environment is selected and that file exists, and otherwise
`.dev.vars`; the two are not merged. The format is what the `dotenv` npm
package's `parse()` accepts, reproduced here:

- `KEY=value` or `KEY: value`, optional `export ` prefix; keys are `[A-Za-z0-9_.-]+`;
- values in '...', "..." or `...` quotes may span lines; only in "..." are
  `\\n` and `\\r` turned into a newline / carriage return;
- unquoted values end at `#` (a comment) and are trimmed;
- lines that match nothing are skipped; a later key wins.

No `${VAR}` expansion: wrangler does not expand `.dev.vars` (only `.env`).
"""

from __future__ import annotations

import re
from pathlib import Path

from isolet.errors import ConfigError

_LINE = re.compile(
    r"^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)"
    r"(\s*'(?:\\'|[^'])*'|\s*\"(?:\\\"|[^\"])*\"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?"
    r"\s*(?:#.*)?$",
    re.MULTILINE | re.ASCII,
)
_QUOTED = re.compile(r"^(['\"`])([\s\S]*)\1$", re.MULTILINE)


def parse_dev_vars(text: str) -> dict[str, str]:
    """Parse dotenv text into {key: value}, as `dotenv.parse` does."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result: dict[str, str] = {}
    for match in _LINE.finditer(text):
        value = (match.group(2) or "").strip()
        quote = value[:1]
        value = _QUOTED.sub(r"\2", value)
        if quote == '"':
            value = value.replace("\\n", "\n").replace("\\r", "\r")
        result[match.group(1)] = value
    return result


def dev_vars_path(base_dir: Path, env_name: str | None) -> Path | None:
    """The file wrangler would read: `.dev.vars.<env>` if present, else `.dev.vars`, else None."""
    if env_name is not None:
        per_env = base_dir / f".dev.vars.{env_name}"
        if per_env.is_file():
            return per_env
    plain = base_dir / ".dev.vars"
    return plain if plain.is_file() else None


def load_dev_vars(base_dir: Path, env_name: str | None) -> dict[str, str]:
    """Secrets for the Worker from the `.dev.vars` file in `base_dir`; {} when there is none."""
    path = dev_vars_path(base_dir, env_name)
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, f"cannot read local dev variables file: {exc}") from None
    return parse_dev_vars(text)
