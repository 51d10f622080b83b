"""The query plans of the SQL a piece of code runs (for the tests and bench/screening_api.py): each SELECT is
EXPLAINed on the database it ran on, and a plan that reads a whole stored table is reported. On PostgreSQL,
sequential scans are switched off while explaining, so a plan still scanning is one no index can serve (the
planner prefers a scan of a small table even where an index exists)."""

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection


INDEX_SCAN = re.compile(r"Scan (?:Backward )?using \S+ on (\S+)")


@dataclass
class Plans:
    statements: list = field(default_factory=list)  # (sql, params)
    durations: list = field(default_factory=list)  # ms, one per statement

    def slowest(self, count=5):
        """[(total ms, times run, sql)] of the `count` statements (by their SQL text) that took longest together."""
        totals = {}
        for (sql, _), ms in zip(self.statements, self.durations):
            total, runs = totals.get(sql, (0.0, 0))
            totals[sql] = (total + ms, runs + 1)
        return sorted(((total, runs, sql) for sql, (total, runs) in totals.items()), reverse=True)[:count]

    def explained(self):
        """[(sql, plan text)] of the SELECTs."""
        return [(sql, explain(sql, params)) for sql, params in self.statements
                if sql.lstrip().upper().startswith("SELECT")]

    def full_scans(self, tables):
        """[(sql, plan)] whose plan reads one of `tables` whole."""
        return [(sql, plan) for sql, plan in self.explained() if any(scans(plan, t) for t in tables)]


@contextmanager
def recorded():
    """Record the statements run on the default connection in the block."""
    plans = Plans()

    def wrapper(execute, sql, params, many, context):
        plans.statements.append((sql, params))
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            plans.durations.append((time.perf_counter() - began) * 1000)

    with connection.execute_wrapper(wrapper):
        yield plans


def explain(sql, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # inside the test's or the caller's transaction
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(row[-1] for row in cursor.fetchall())


def scans(plan, table) -> bool:
    """Whether `plan` reads `table` whole. SQLite: a "SCAN table" line (with or without an index: only SEARCH is a
    bounded look-up). PostgreSQL: a "Seq Scan on table", or an index scan of it without an "Index Cond"."""
    lines = plan.splitlines()
    for number, line in enumerate(lines):
        words = line.strip()
        if words == f"SCAN {table}" or words.startswith(f"SCAN {table} ") or f"Seq Scan on {table}" in words:
            return True
        index_scan = INDEX_SCAN.search(words)
        if index_scan and index_scan.group(1) == table:
            depth = len(line) - len(line.lstrip(" ->"))
            below = []
            for after in lines[number + 1:]:
                if len(after) - len(after.lstrip(" ->")) <= depth:
                    break
                below.append(after.strip())
            if not any(b.startswith("Index Cond:") for b in below):
                return True
    return False
