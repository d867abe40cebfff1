"""Tests of data/fetch's pure functions: run with `python3 -m unittest data/test_fetch.py`."""

import importlib.machinery
import importlib.util
import tempfile
import unittest
from pathlib import Path

_loader = importlib.machinery.SourceFileLoader("fetch", str(Path(__file__).resolve().parent / "fetch"))
_spec = importlib.util.spec_from_loader("fetch", _loader)
fetch = importlib.util.module_from_spec(_spec)
_loader.exec_module(fetch)

# groff's output for the start and end of ls(1), shortened, as rendered by the pipeline (trailing spaces kept).
ENGLISH_RENDERED = """LS(1)                            User Commands                           LS(1)



NAME
       ls - list directory contents

SYNOPSIS
       ls [OPTION]... [FILE]...

DESCRIPTION
       List information about the FILEs (the current directory by default).
   Sorting
       -S     sort by file size, largest first   \n\n\n
AUTHOR
       Written by Richard M. Stallman and David MacKenzie.

SEE ALSO
       dircolors(1)



GNU coreutils 9.1               September 2022                           LS(1)
"""

GERMAN_RENDERED = """LS(1)                    Dienstprogramme für Benutzer                    LS(1)



BEZEICHNUNG
       ls - Verzeichnisinhalte auflisten

ÜBERSICHT
       ls [OPTION]… [DATEI]…

BESCHREIBUNG
       Auflistung von Informationen über die DATEIen (Standardvorgabe ist das
       aktuelle Verzeichnis).
   Sortierung
       -S     nach Dateigröße sortieren, größte zuerst

AUTOR
       Geschrieben von Richard M. Stallman und David MacKenzie.

SIEHE AUCH
       dircolors(1)

ÜBERSETZUNG
       Die deutsche Übersetzung dieser Handbuchseite wurde von Karl Eichwalder
       <ke@suse.de> und Helge Kreutzmann <debian@helgefjell.de> erstellt.

       Wenn Sie Fehler in der Übersetzung dieser Handbuchseite finden,
       schicken Sie bitte eine E-Mail an die Mailingliste der Übersetzer
       ⟨debian-l10n-german@lists.debian.org⟩.



GNU coreutils 9.1               September 2022                           LS(1)
"""

# An mdoc page from manpages-de: groff prints neither header nor footer for it.
GERMAN_MDOC_RENDERED = """
BEZEICHNUNG
     arithmetic — einfaches Rechen-Quiz

ÜBERSICHT
     arithmetic [-o +-x/] [-r Bereich]




"""


def page(headings, extra=""):
    """A cleaned page with one line of body per heading."""
    return "".join(f"{h}\n       text of {h.lower()}{extra}\n\n" for h in headings).rstrip("\n") + "\n"


class CleanTests(unittest.TestCase):
    def test_removes_header_footer_trailing_spaces_and_repeated_blank_lines(self):
        text = fetch.clean(ENGLISH_RENDERED)
        self.assertTrue(text.startswith("NAME\n       ls - list directory contents\n"))
        self.assertTrue(text.endswith("SEE ALSO\n       dircolors(1)\n"))
        self.assertNotIn("LS(1)", text)
        self.assertNotIn("September 2022", text)
        self.assertNotIn(" \n", text)
        self.assertNotIn("\n\n\n", text)
        self.assertIn("       -S     sort by file size, largest first\n\nAUTHOR\n", text)

    def test_keeps_the_first_heading_of_an_mdoc_page_without_header(self):
        text = fetch.clean(GERMAN_MDOC_RENDERED, man=False)
        self.assertEqual(text, "BEZEICHNUNG\n     arithmetic — einfaches Rechen-Quiz\n\n"
                               "ÜBERSICHT\n     arithmetic [-o +-x/] [-r Bereich]\n")

    def test_removes_the_header_and_footer_of_an_mdoc_page_that_has_them(self):
        rendered = ("ARITHMETIC(6)                  BSD Games Manual                  ARITHMETIC(6)\n\n"
                    "NAME\n     arithmetic — arithmetic quiz\n\n"
                    "BSD                              May 31, 1993                              BSD\n")
        self.assertEqual(fetch.clean(rendered, man=False), "NAME\n     arithmetic — arithmetic quiz\n")

    def test_removes_sgr_escapes_and_overstrike(self):
        rendered = "HEADER(1)  x  HEADER(1)\n\x1b[1mNAME\x1b[0m\n       l\bls - list\nfooter  HEADER(1)\n"
        self.assertEqual(fetch.clean(rendered), "NAME\n       ls - list\n")

    def test_running_title(self):
        self.assertTrue(fetch.is_running_title("LS(1)            User Commands           LS(1)"))
        self.assertTrue(fetch.is_running_title("BSD        May 31, 1993        BSD"))
        self.assertFalse(fetch.is_running_title("SEE ALSO"))
        self.assertFalse(fetch.is_running_title("       ls(1), dir(1)"))


class SectionTests(unittest.TestCase):
    def test_headings_are_the_lines_in_the_first_column(self):
        self.assertEqual(fetch.headings(fetch.clean(GERMAN_RENDERED)),
                         ["BEZEICHNUNG", "ÜBERSICHT", "BESCHREIBUNG", "AUTOR", "SIEHE AUCH", "ÜBERSETZUNG"])

    def test_strip_sections_removes_only_the_named_sections(self):
        text = fetch.strip_sections(fetch.clean(GERMAN_RENDERED), {"ÜBERSETZUNG"})
        self.assertTrue(text.endswith("SIEHE AUCH\n       dircolors(1)\n"))
        self.assertNotIn("helgefjell", text)
        self.assertIn("   Sortierung\n", text)
        self.assertEqual(len(fetch.headings(text)), len(fetch.headings(fetch.clean(ENGLISH_RENDERED))))

    def test_translator_heading_is_found_from_the_extra_closing_section(self):
        english = page(["NAME", "SYNOPSIS", "DESCRIPTION", "SEE ALSO"])
        german = page(["BEZEICHNUNG", "ÜBERSICHT", "BESCHREIBUNG", "SIEHE AUCH", "ÜBERSETZUNG"])
        untranslated = page(["BEZEICHNUNG", "BESCHREIBUNG", "SIEHE AUCH"])
        pairs = [(english, german)] * 3 + [(page(["NAME", "DESCRIPTION", "SEE ALSO"]), untranslated)]
        self.assertEqual(fetch.translator_headings(pairs), {"ÜBERSETZUNG"})

    def test_a_closing_section_that_english_also_has_is_no_translator_section(self):
        # SEE ALSO closes most pages of both languages: it is never stripped.
        english = page(["NAME", "DESCRIPTION", "SEE ALSO"])
        japanese = page(["名前", "説明", "関連項目"])
        self.assertEqual(fetch.translator_headings([(english, japanese)] * 4), set())

    def test_licence_headings_are_matched_to_english_by_position(self):
        english = page(["NAME", "DESCRIPTION", "COPYRIGHT", "SEE ALSO"])
        turkish = page(["İSİM", "AÇIKLAMA", "TELİF HAKKI", "İLGİLİ BELGELER", "ÇEVİREN"])
        self.assertEqual(fetch.licence_headings([(english, turkish)], {"ÇEVİREN"}), {"TELİF HAKKI": "COPYRIGHT"})

    def test_pages_with_other_section_counts_teach_no_licence_heading(self):
        english = page(["NAME", "DESCRIPTION", "SEE ALSO"])
        turkish = page(["İSİM", "AÇIKLAMA", "TELİF HAKKI", "İLGİLİ BELGELER"])
        self.assertEqual(fetch.licence_headings([(english, turkish)], set()), {})


class SourceTests(unittest.TestCase):
    def test_redirect(self):
        self.assertTrue(fetch.is_redirect('.\\" Copyright 1993\n.\\"\n.so man1/ls.1\n'))
        self.assertFalse(fetch.is_redirect('.TH LS 1\n.SH NAME\n.so man7/macros\nls \\- list\n'))

    def test_tbl_is_asked_for_by_the_preprocessor_line_or_a_table(self):
        self.assertTrue(fetch.needs_tbl(".\\\" -*- coding: UTF-8 -*-\n'\\\" t\n.TH WCTOMB 3\n"))
        self.assertTrue(fetch.needs_tbl(".TH X 1\n.SH NAME\n.TS\nl l.\na\tb\n.TE\n"))
        self.assertFalse(fetch.needs_tbl(".TH X 1\n.SH NAME\nx \\- the letter t\n"))

    def test_preconv_escapes_non_ascii(self):
        self.assertEqual(fetch.preconv("Übersicht – ä"), "\\[u00DC]bersicht \\[u2013] \\[u00E4]")

    def test_preconv_turns_the_soft_hyphen_into_a_break_point(self):
        self.assertEqual(fetch.preconv("Silben\u00adtrennung"), "Silben\\%trennung")


class ManifestTests(unittest.TestCase):
    PRINT_URIS = ("'http://deb.debian.org/debian/pool/main/m/manpages-l10n/manpages-hu_4.18.1-1_all.deb' "
                  "manpages-hu_1%3a4.18.1-1_all.deb 297128 SHA256:" + "ab" * 32 + "\n")

    def package(self, version="1:4.18.1-1", sha256="ab" * 32):
        return {"name": "manpages-hu", "version": version, "sha256": sha256}

    def recorded(self):
        return {"manpages-hu": {"name": "manpages-hu", "version": "1:4.18.1-1", "sha256": "ab" * 32}}

    def test_print_uris_gives_name_version_with_epoch_url_and_sha256(self):
        package = fetch.parse_print_uris(self.PRINT_URIS)["manpages-hu"]
        self.assertEqual(package["version"], "1:4.18.1-1")
        self.assertEqual(package["sha256"], "ab" * 32)
        self.assertEqual(package["bytes"], 297128)
        self.assertEqual(package["file"], "manpages-hu_1%3a4.18.1-1_all.deb")
        self.assertTrue(package["source"].startswith("http://deb.debian.org/"))

    def test_recorded_version_and_sha256_pass(self):
        self.assertIsNone(fetch.check_against_manifest(self.package(), self.recorded()))

    def test_recorded_version_with_another_sha256_is_an_error(self):
        with self.assertRaisesRegex(fetch.FetchError, "sha256 .* differs from"):
            fetch.check_against_manifest(self.package(sha256="cd" * 32), self.recorded())

    def test_another_version_is_a_warning(self):
        warning = fetch.check_against_manifest(self.package(version="1:4.19.0-1", sha256="cd" * 32), self.recorded())
        self.assertIn("4.19.0-1", warning)
        self.assertIn("records 1:4.18.1-1", warning)

    def test_read_manifest_keeps_the_deb_rows(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "MANIFEST.tsv"
            fetch.write_tsv(path, [fetch.MANIFEST_HEADER,
                                   ["deb", "manpages-hu", "1:4.18.1-1", "ab" * 32, "-", "297128", "http://x"],
                                   ["corpus", "hun", "-", "cd" * 32, "103", "416076", "manpages-hu"]])
            self.assertEqual(list(fetch.read_manifest(path)), ["manpages-hu"])

    def test_read_manifest_rejects_another_header(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "manifest.tsv"
            path.write_text("package\tversion\n")
            with self.assertRaisesRegex(fetch.FetchError, "unexpected header"):
                fetch.read_manifest(path)

    def test_corpus_hash_depends_on_names_and_contents_not_order(self):
        files = {"ls.1.txt": b"NAME\n", "cp.1.txt": b"NAME\n"}
        self.assertEqual(fetch.corpus_sha256(files), fetch.corpus_sha256(dict(reversed(list(files.items())))))
        self.assertNotEqual(fetch.corpus_sha256(files), fetch.corpus_sha256({"ls.1.txt": b"NAME\n", "mv.1.txt": b"NAME\n"}))
        self.assertNotEqual(fetch.corpus_sha256(files), fetch.corpus_sha256({"ls.1.txt": b"NAME\n", "cp.1.txt": b"NOM\n"}))


class LanguagesTests(unittest.TestCase):
    def test_languages_file_is_complete(self):
        languages = fetch.read_languages()
        self.assertIn("eng", languages)
        for code, row in languages.items():
            self.assertEqual(code, row["iso639_3"])
            self.assertTrue(all(row[column] for column in ("language", "family", "genus", "script")), code)
            if code != "eng":
                self.assertTrue(row["packages"] and all(p.startswith("manpages-") for p in row["packages"]), code)


if __name__ == "__main__":
    unittest.main()
