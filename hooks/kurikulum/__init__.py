"""The curriculum engine: load, validate and render the training curriculum.

A plain Python package. It never imports MkDocs (a test enforces this): the MkDocs hooks in
``hooks/site_hooks.py`` and the ``curriculum`` command both call into it.
"""

__version__ = "0.1.0"
