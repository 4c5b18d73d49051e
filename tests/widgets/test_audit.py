"""The audit log from the dashboard: opening a case and exporting the safety plan are written down."""

from __future__ import annotations

from facilitation.domain import ops
from facilitation.store import Store
from facilitation.ui.plan import PlanView
from facilitation.ui.session import Session


def test_opening_and_exporting_in_the_dashboard_are_in_the_audit_log(tmp_path):
    store = Store(tmp_path / "s.sqlite3", user="els")
    session = Session(store)
    case = ops.new_case("Familie Maes", "2026-10-01", [("Lina", 10)])
    edit, _ = ops.add_person(case, "Sara Maes", relation="mama")
    session.add_case(case.apply(edit))
    assert session.do(lambda c: ops.add_meeting(c, "network_meeting", "2026-10-15", [])[0])
    view = PlanView(session)
    assert view.export()
    actions = [(e.who, e.action, e.detail) for e in store.audit(session.case.id)]
    assert ("els", "open", "") in actions
    assert ("els", "export", "plan") in actions
