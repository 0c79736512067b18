#!/usr/bin/env python3
"""Every relative href/src of every HTML file under the given folders must
name an existing file. Standard library only."""
import html.parser
import os
import sys
import urllib.parse


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                # A src, or a <link href>, is fetched by the browser: it must be local.
                fetched = name == "src" or tag == "link"
                self.found.append((value, fetched))


def broken_links(root):
    broken = []
    pages = 0
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            pages += 1
            path = os.path.join(folder, name)
            parser = Links()
            with open(path, encoding="utf-8") as f:
                parser.feed(f.read())
            for link, fetched in parser.found:
                parts = urllib.parse.urlsplit(link)
                if parts.scheme or parts.netloc or link.startswith("#"):
                    if fetched and (parts.scheme in ("http", "https") or parts.netloc):
                        broken.append((path, link + " (requête externe)"))
                    continue
                target = os.path.normpath(os.path.join(folder, urllib.parse.unquote(parts.path)))
                if not os.path.isfile(target):
                    broken.append((path, link))
    return pages, broken


def main():
    failed = False
    for root in sys.argv[1:]:
        pages, broken = broken_links(root)
        for path, link in broken:
            print(f"{path}: lien cassé {link}")
        print(f"{root}: {pages} pages, {len(broken)} lien(s) cassé(s)")
        failed = failed or bool(broken) or pages == 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
