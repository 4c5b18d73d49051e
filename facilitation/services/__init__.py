"""Application services: what the dashboards do beyond one edit, callable without widgets.

Views call these; tests call them directly. Exports (one error policy, progress), actions on several
cases at once (all-or-nothing), reading the change log. Services use the domain, the store and the
export package; they never import ipywidgets.
"""
