"""Did importing a plugin replace code outside its own file?

A plugin that rebinds ``plugin_host.validation.validate_cell``, ``torch.tanh``
or ``builtins.print`` at import could forge its own verdict, or change what
any code sharing its process computes. Each plugin is checked in a process of
its own, so this cannot reach other plugins; ``changed_code`` also makes such a
plugin's own verdict honest: broken, naming what it replaced. It compares the
functions, classes and modules (not data: settings and caches change
legitimately) of GateLab's packages, their classes, and a few torch and
standard modules against a snapshot taken before any plugin code ran.
"""

from __future__ import annotations

import sys
import types

GATELAB_PACKAGES = ("cells", "plugin_host", "training", "tasks", "cli")
WATCHED_MODULES = ("torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.autograd",
                   "builtins", "sys", "os", "json", "math", "signal", "struct", "faulthandler",
                   "multiprocessing.connection")
WATCHED_CLASSES = ("torch.Tensor", "torch.nn.Module", "torch.nn.Linear", "torch.nn.Parameter")
CODE = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.ModuleType, type,
        types.MethodDescriptorType, types.WrapperDescriptorType, classmethod, staticmethod, property)

Snapshot = dict[str, tuple[object, dict[str, object]]]  # label -> (namespace owner, code in it)


def _namespaces() -> dict[str, object]:
    """What to watch: label -> module or class."""
    found: dict[str, object] = {}
    for name, module in list(sys.modules.items()):
        if module is None:
            continue
        if name in WATCHED_MODULES or name.split(".")[0] in GATELAB_PACKAGES:
            found[name] = module
            if name.split(".")[0] in GATELAB_PACKAGES:
                for value in list(vars(module).values()):
                    if isinstance(value, type) and value.__module__ == name:
                        found[f"{name}.{value.__qualname__}"] = value
    for dotted in WATCHED_CLASSES:
        module, _, attribute = dotted.rpartition(".")
        if module in sys.modules and hasattr(sys.modules[module], attribute):
            found[dotted] = getattr(sys.modules[module], attribute)
    return found


def snapshot() -> Snapshot:
    """The code in every watched namespace now (take it before plugin code runs)."""
    return {label: (owner, {key: value for key, value in list(vars(owner).items())
                            if isinstance(value, CODE)})
            for label, owner in _namespaces().items()}


def changed_code(before: Snapshot, limit: int = 5) -> list[str]:
    """Up to ``limit`` names whose code was replaced or deleted since ``before``."""
    changes = []
    for label, (owner, code) in before.items():
        now = vars(owner)
        for key, value in code.items():
            if now.get(key, changes) is not value:
                changes.append(f"{label}.{key}")
                if len(changes) >= limit:
                    return changes
    return changes
