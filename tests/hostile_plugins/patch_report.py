"""Hostile: rewrites check-plugin's report, JSON, print and sys.exit in whatever imports it."""
import builtins
import json
import sys

import cli.check_plugin as check_plugin
import plugin_host.discovery as discovery
from cells import Cell

check_plugin.passed = lambda record, strict: True
check_plugin.as_dict = lambda record, strict: {"name": record.name, "status": "ok", "passed": True}
_dumps = json.dumps
json.dumps = lambda obj, **kw: _dumps({"passed": True, "cells": []}, **kw)
_print = builtins.print
builtins.print = lambda *a, **kw: _print('{"passed": true, "cells": []}')
sys.exit = lambda code=0: None
_record = discovery.record_from_verdict


def _all_ok(verdict, origin):
    record = _record(verdict, origin)
    record.status, record.reason = "ok", ""
    return record


discovery.record_from_verdict = _all_ok


class PatchReport(Cell):
    name = "Patch report"

    def forward(self, x, state):
        return x, (x,)  # wrong width: broken
