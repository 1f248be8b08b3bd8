#!/usr/bin/env python3
"""Checks that docs/configuration.md names every wamp.* property.

Reads the metadata that the configuration processor generates (run
`./mvnw -q -pl wamp-spring-boot-autoconfigure -am compile` first) and the fields of
WampProperties and WampRouterProperties (the metadata stops at map values such as wamp.routers.<router>, so the
nested classes are read from the source). Prints what is missing and exits 1, or prints
the counts and exits 0.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
METADATA = ROOT / "wamp-spring-boot-autoconfigure/target/classes/META-INF/spring-configuration-metadata.json"
PACKAGE = ROOT / "wamp-spring-boot-autoconfigure/src/main/java/io/wampspring/boot/autoconfigure"
SOURCES = [PACKAGE / "WampProperties.java", PACKAGE / "router/WampRouterProperties.java"]
PAGE = ROOT / "docs/configuration.md"


def kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def main():
    page = PAGE.read_text(encoding="utf-8")
    missing = []
    if not METADATA.exists():
        print("no metadata: run ./mvnw -q -pl wamp-spring-boot-autoconfigure -am compile", file=sys.stderr)
        return 2
    properties = [p["name"] for p in json.loads(METADATA.read_text(encoding="utf-8"))["properties"]]
    for name in properties:
        # the tables name nested properties relative to their section (wamp.routers.<router>.url -> url)
        last = re.escape(name.split(".")[-1])
        if name not in page and not re.search(r"[`.]" + last + r"[`.]", page):
            missing.append("metadata: " + name)
    fields = []
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        fields += re.findall(r"^\t{1,2}private (?:final )?[\w<>,@. ?\[\]]+? (\w+)(?: =|;)", text, re.M)
    for field in sorted(set(fields)):
        if kebab(field) not in page:
            missing.append("properties field: " + field + " (" + kebab(field) + ")")
    for line in missing:
        print("not documented: " + line)
    if missing:
        return 1
    print("%d metadata properties and %d properties fields are documented" % (len(properties), len(set(fields))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
