"""Presentation mode: a lesson's slides on the projector, the presenter view, memo printing.

Entry points: window.start_presentation(parent, course, lesson) and print.print_memo / print_all_memos.
"""
