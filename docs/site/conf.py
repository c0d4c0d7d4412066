# Sphinx configuration of the collection's documentation site (scripts/docs_site.sh builds it).
# antsibull-docs writes the plugin pages and copies the guides of docs/docsite/ next to them.

project = 'cockroachdb.cloud'
copyright = 'cockroachdb.cloud contributors'
title = 'cockroachdb.cloud: Ansible collection for CockroachDB Cloud'
html_short_title = 'cockroachdb.cloud'

extensions = ['sphinx.ext.autodoc', 'sphinx.ext.intersphinx', 'sphinx_antsibull_ext']

pygments_style = 'ansible'
highlight_language = 'YAML+Jinja'

html_theme = 'sphinx_ansible_theme'
html_show_sphinx = False
display_version = False
html_use_smartypants = True
html_use_modindex = False
html_use_index = False
html_copy_source = False

# Built offline: no inventories of other sites. References into ansible-core's docs (ansible
# configuration settings, other collections) then have no target; they render as plain text.
intersphinx_mapping = {}
suppress_warnings = ['ref.ref', 'ref.envvar', 'ref.option']

default_role = 'any'
nitpicky = True
