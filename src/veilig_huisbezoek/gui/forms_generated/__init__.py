"""The ui/*.ui forms compiled by tools/compile_forms.py: generated, do not edit.

One module ``ui_<name>.py`` per ``ui/<name>.ui`` with its class ``Ui_<TopWidget>``;
build one with ``gui.forms.setup_form``.
"""
