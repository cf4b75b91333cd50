"""Browser tests: the course as a learner uses it, in JupyterLab driven by Playwright and Chromium."""
