"""A day of customer accounts verifies (issue 19): account documents sealed and
reconciled, and a Z report with account money checked, also from its anchor."""

from pos.ledger.verify import verify
from tests.integration.account_day import an_account_day


def test_an_account_day_verifies(demo_db):
    an_account_day(demo_db)
    result = verify(demo_db)
    assert result.ok, result.problem
