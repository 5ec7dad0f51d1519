"""Alembic environment. The app passes an open connection in ``config.attributes``;
the ``alembic`` command line may instead give a URL (``-x url=...``)."""

from alembic import context

from pos.db.engine import make_engine
from pos.db.location import resolve_url
from pos.db.models import Base
from pos.db.models.base import include_in_autogenerate

config = context.config
target_metadata = Base.metadata


def _render_item(type_, obj, autogen_context):
    """Write the app's UTC column type as the plain DateTime it stores, so revisions do
    not import application code."""
    if type_ == "type" and type(obj).__name__ == "_UtcDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_in_autogenerate,
        render_item=_render_item,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or resolve_url()
    engine = make_engine(url)
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; pass a database URL")
run_migrations_online()
