"""Build hook: which packages go into the wheel.

Everything lives under ``facilitation/`` except the sample cases, which stay at the top of the repository
(``sample_cases/``, where the documentation and the tests point). They ship inside the package as
``facilitation/sample_cases/`` (``facilitation.samples`` reads them there once installed). The rest of the
configuration, the data files included, is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["facilitation", "facilitation.*"]), "facilitation.sample_cases"],
    package_dir={"facilitation.sample_cases": "sample_cases"},
)
