"""Cutting a slide body into blocks and packing them onto pages (measured here by word count)."""

from __future__ import annotations

from collections.abc import Sequence

from etrainer.core.classroom.slide_pages import Block, BlockKind, blocks_of, join_blocks, paginate, subdivide
from etrainer.core.markdown import render_lesson

BODY = """Перший абзац,
у два рядки.

- пункт один
  з продовженням
- пункт два

!!! tip "Порада"
    Перший абзац поради.

    Другий абзац поради.

| Хто | Що |
|---|---|
| А | перше |
| Б | друге |

    відступ-код

```
код

з порожнім рядком
```

### Підзаголовок
Текст під ним."""


def words(blocks: Sequence[Block]) -> int:
    return len(join_blocks(blocks).split())


def test_blocks_keep_lists_admonitions_tables_and_code_whole() -> None:
    blocks = blocks_of(BODY)
    assert [b.kind for b in blocks] == [
        BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.ADMONITION, BlockKind.TABLE,
        BlockKind.CODE, BlockKind.CODE, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert blocks[1].markdown == "- пункт один\n  з продовженням"
    assert blocks[2].glue == "\n"
    assert "Другий абзац поради." in blocks[3].markdown
    assert "з порожнім рядком" in blocks[6].markdown


def test_joined_blocks_render_like_the_original() -> None:
    assert render_lesson(join_blocks(blocks_of(BODY))).html == render_lesson(BODY).html


def test_a_paragraph_is_cut_into_sentences_that_join_back() -> None:
    block = Block("Закон № 5203-VI діє. Ст. 5 каже: «Послуги визначаються законом». Див. п. 1 ч. 1 ст. 1!\n"
                  "Кінець.", BlockKind.PARAGRAPH)
    parts = subdivide(block)
    assert [p.markdown for p in parts] == [
        "Закон № 5203-VI діє.", "Ст. 5 каже: «Послуги визначаються законом».", "Див. п. 1 ч. 1 ст. 1!", "Кінець."]
    assert all(p.glue == " " for p in parts[1:])
    assert join_blocks(parts).split() == block.markdown.split()


def test_one_sentence_and_code_cannot_be_cut() -> None:
    assert subdivide(Block("Одне речення без крапки всередині", BlockKind.PARAGRAPH)) == ()
    assert subdivide(Block("```\nа. Б\n```", BlockKind.CODE)) == ()


def test_table_rows_start_a_page_with_the_header_again() -> None:
    table = blocks_of(BODY)[4]
    first, second = subdivide(table)
    assert first.markdown == "| Хто | Що |\n|---|---|\n| А | перше |"
    assert second.markdown == "| Б | друге |" and second.glue == "\n"
    assert second.opening == "| Хто | Що |\n|---|---|\n| Б | друге |"
    assert join_blocks([first, second]) == table.markdown
    assert "<th>Хто</th>" in render_lesson(join_blocks([second])).html


def test_a_single_row_becomes_one_paragraph_per_column() -> None:
    row = Block("| Б | друге |", BlockKind.TABLE, "\n", "| Хто | Що [[kep|КЕП]] |\n|---|---|\n| Б | з [[kep|КЕП]] |")
    parts = subdivide(row)
    assert [p.markdown for p in parts] == ["**Хто:** Б", "**Що [[kep|КЕП]]:** з [[kep|КЕП]]"]
    assert all(p.kind is BlockKind.PARAGRAPH for p in parts)


def test_an_admonition_is_cut_under_its_title() -> None:
    admonition = blocks_of(BODY)[3]
    first, second = subdivide(admonition)
    assert first.markdown == '!!! tip "Порада"\n    Перший абзац поради.'
    assert second.opening == '!!! tip "Порада"\n    Другий абзац поради.'
    alone = render_lesson(join_blocks([second])).html
    assert 'class="admonition tip"' in alone and "Другий абзац поради." in alone
    together = render_lesson(join_blocks([first, second])).html
    assert together.count('class="admonition tip"') == 1


def test_blocks_are_packed_greedily() -> None:
    blocks = [Block(" ".join(["слово"] * n), BlockKind.PARAGRAPH) for n in (3, 3, 3, 5)]
    pages = paginate(blocks, lambda page: words(page) <= 7)
    assert [len(page) for page in pages] == [2, 1, 1]


def test_a_heading_never_ends_a_page() -> None:
    blocks = [Block("Один два три чотири", BlockKind.PARAGRAPH), Block("### Заголовок", BlockKind.HEADING),
              Block("П'ять шість сім", BlockKind.CODE)]
    pages = paginate(blocks, lambda page: words(page) <= 6)
    assert [[b.kind for b in page] for page in pages] == [[BlockKind.PARAGRAPH], [BlockKind.HEADING, BlockKind.CODE]]


def test_a_long_paragraph_fills_the_page_and_continues() -> None:
    paragraph = Block("Один два. Три чотири. П'ять шість. Сім вісім.", BlockKind.PARAGRAPH)
    pages = paginate([Block("Вступ", BlockKind.PARAGRAPH), paragraph], lambda page: words(page) <= 5)
    assert [join_blocks(page) for page in pages] == ["Вступ\n\nОдин два. Три чотири.", "П'ять шість. Сім вісім."]


def test_a_block_that_cannot_be_cut_gets_a_page_of_its_own() -> None:
    code = Block("```\nдуже довгий код тут\n```", BlockKind.CODE)
    pages = paginate([Block("Вступ", BlockKind.PARAGRAPH), code, Block("Далі", BlockKind.PARAGRAPH)],
                     lambda page: words(page) <= 3)
    assert [len(page) for page in pages] == [1, 1, 1]
    assert pages[1] == (code,)


def test_a_table_row_is_not_turned_into_paragraphs_just_to_fill_a_page() -> None:
    table = Block("| А | Б |\n|---|---|\n| один два | три |\n| чотири | п'ять шість |", BlockKind.TABLE)
    pages = paginate([Block("Вступ до таблиці", BlockKind.PARAGRAPH), table], lambda page: words(page) <= 18)
    assert [join_blocks(page) for page in pages] == [
        "Вступ до таблиці\n\n| А | Б |\n|---|---|\n| один два | три |",
        "| А | Б |\n|---|---|\n| чотири | п'ять шість |"]
