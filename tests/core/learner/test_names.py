"""Ukrainian alphabetical order and sorting people by surname, without ICU."""

from __future__ import annotations

import itertools
import random

from etrainer.core.learner.names import ALPHABET, person_key, surname_first, ukrainian_key


def test_the_alphabet_orders_g_before_ghe_with_upturn_and_ie_i_yi_in_place():
    words = ["Яна", "Ігор", "Ґанна", "Богдан", "Галина", "Євген", "Їжак", "Иван", "Ірина", "Дмитро", "Йосип", "Ель"]
    assert sorted(words, key=ukrainian_key) == [
        "Богдан", "Галина", "Ґанна", "Дмитро", "Ель", "Євген", "Иван", "Ігор", "Ірина", "Їжак", "Йосип", "Яна"]


def test_code_point_order_would_be_wrong_here():
    # Python's default order puts «Ігор» (U+0406) before «Богдан» (U+0411): the defect in the workspace.
    assert sorted(["Богдан", "Ігор"]) == ["Ігор", "Богдан"]
    assert sorted(["Богдан", "Ігор"], key=ukrainian_key) == ["Богдан", "Ігор"]


def test_case_and_apostrophes_do_not_change_the_order():
    assert sorted(["м'ята", "Мята", "мила"], key=ukrainian_key)[0] == "мила"
    assert ukrainian_key("П'ятниця")[0] == ukrainian_key("пятниця")[0]


def test_people_sort_by_surname_the_last_word():
    names = ["Олена Петренко", "Ірина Коваль", "Богдан Шевчук", "Андрій Коваль", "Ганна"]
    assert sorted(names, key=person_key) == ["Ганна", "Андрій Коваль", "Ірина Коваль", "Олена Петренко",
                                             "Богдан Шевчук"]
    assert surname_first("Ірина Коваль") == "Коваль Ірина" and surname_first(" Ганна ") == "Ганна"


def test_the_order_of_random_words_follows_the_alphabet_letter_by_letter():
    rng = random.Random(15)
    letters = ALPHABET + ALPHABET.upper()
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 5))) for _ in range(400)]
    ordered = sorted(words, key=ukrainian_key)
    for first, second in itertools.pairwise(ordered):
        a, b = first.lower(), second.lower()
        ranks_a, ranks_b = [ALPHABET.index(c) for c in a], [ALPHABET.index(c) for c in b]
        assert ranks_a <= ranks_b
