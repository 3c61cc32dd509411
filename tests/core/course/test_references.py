"""Scanning lesson markdown for terms, links and images."""

from etrainer.core.course.references import RefKind, image_inside_pack, resolve_lesson_href, scan


def test_scan_finds_each_kind_with_lines_and_skips_code():
    body = "[[kep]] and [[asc|ЦНАП]]\n```\n[[in-fence]]\n```\n`[[in-span]]` ![a](img.png) [b](lesson:x#y)\n" \
           "[c](https://example.org) [d](../m/l.md) [e](#top) [f](ftp://x)\n[ref]: javascript:alert(1)\n"
    refs = [(r.kind, r.target, r.line) for r in scan(body, first_line=10)]
    assert (RefKind.TERM, "kep", 10) in refs and (RefKind.TERM, "asc", 10) in refs
    assert not any(target in ("in-fence", "in-span") for _, target, _ in refs)
    assert (RefKind.IMAGE, "img.png", 14) in refs and (RefKind.LESSON, "lesson:x#y", 14) in refs
    assert (RefKind.EXTERNAL, "https://example.org", 15) in refs
    assert (RefKind.LESSON, "../m/l.md", 15) in refs and (RefKind.ANCHOR, "#top", 15) in refs
    assert (RefKind.OTHER, "ftp://x", 15) in refs and (RefKind.OTHER, "javascript:alert(1)", 16) in refs


def test_relative_lesson_links_resolve_by_path(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source, target = tmp_path / "a" / "one.md", tmp_path / "b" / "two.md"
    by_path = {source.resolve(): "one", target.resolve(): "two"}
    assert resolve_lesson_href("../b/two.md#part", source, tmp_path, by_path, {"one", "two"}) == "lesson:two#part"
    assert resolve_lesson_href("lesson:two", source, tmp_path, by_path, {"one", "two"}) == "lesson:two"
    assert resolve_lesson_href("lesson:three", source, tmp_path, by_path, {"one", "two"}) is None
    assert resolve_lesson_href("../../etc/passwd.md", source, tmp_path, by_path, {"one"}) is None


def test_images_must_stay_inside_the_pack(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "pic.png").write_bytes(b"x")
    (tmp_path.parent / "outside.png").write_bytes(b"x")
    lesson = tmp_path / "m" / "l.md"
    assert image_inside_pack("pic.png", lesson, tmp_path) == (tmp_path / "m" / "pic.png").resolve()
    for src in ("../../outside.png", "/etc/passwd", "http://x/pic.png", "\\\\host\\pic.png", "file:///pic.png",
                "missing.png"):
        assert image_inside_pack(src, lesson, tmp_path) is None, src
