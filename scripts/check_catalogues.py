"""Fail when a committed .mo catalogue no longer matches its .po source.

The .mo files are committed so a fresh machine needs no gettext; this gate (run by .ci/run)
keeps them in step. Catalogues are compared by content, not bytes, so another msgfmt version
producing a different file layout does not fail the check.
"""

import gettext
import subprocess
import sys
import tempfile
from pathlib import Path


def catalogue(mo_path: Path) -> dict:
    with mo_path.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)


def main() -> int:
    problems = []
    for po in sorted(Path(".").glob("locale/*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.mo"
            subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(po)], check=True)
            if not mo.exists():
                problems.append(f"{mo}: missing (run msgfmt --check -o {mo} {po})")
            elif catalogue(mo) != catalogue(fresh):
                problems.append(f"{mo}: out of date with {po} (run msgfmt --check -o {mo} {po})")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"catalogues: {'out of date' if problems else 'up to date'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
