"""Work moto does before anyone needs it, or again though its answer never changes.

moto's Cognito signs every user pool's tokens with one fixed key, shipped with
moto (``cognitoidp/resources/jwks-private.json``), and imports it again for each
new pool: parsing and checking an RSA private key, some 100 ms on a quiet
2-core machine and most of a Cognito lab's setup. The same key, imported once,
serves every pool: what a lab observes (the tokens, their signature, the pool's
public keys) is exactly what it was. Even once, the import is 0.15-0.65 s: moto's
file gives no prime factors, and joserfc recovers them from the private exponent
by a random search. They are kept in the user's cache, as moto's endpoint services
below are, and the next run imports the key with them (some 50 ms).

moto's KMS makes an RSA key pair for every new key (tens of milliseconds each),
symmetric ones included, though only an asymmetric key ever signs, verifies or
shows its public key. Here the pair is made at the key's first use: the same
pair for the key's whole life, as before, and none for a key that never needs it.

moto's SNS makes a 2048-bit RSA key for each HTTP(S) subscription at its first
delivery (about 20 ms each), to sign the notification. AWS signs with one
certificate per region; here one key per process signs every delivery, and each
message still carries a signature its certificate verifies.

moto's server lists its own package folder (some 200 ``isdir`` calls) for every
request it routes, to tell a service name from a host name. The folder does not
change while it runs: it is listed once.

moto's server looks up a response class's methods (``inspect.getmembers``) at every
request, to find the action's; the class never changes: each is looked up once.
And as moto runs its apps in Flask's debug mode, Flask gives every request that is
not a file upload a new class, for a clearer error should the code read a missing
upload; moto never reads one outside uploads: that class is left out. Together
about 1.4 s over the labs. moto also runs a regular expression over every answer's
body, to put a request id into XML; a body without ``<RequestId>`` (every JSON
answer) is left as it was without that scan: 0.4 s for the 16 MB of one DynamoDB lab.

moto's EC2 draws each resource id one hex digit at a time (``random.choice`` per
digit): 7 us an id, and every EC2 backend (each test that calls EC2 builds one)
draws some 170 for the snapshot and volume behind each image of its catalogue.
Here each id is drawn in one call, from the same generator: 0.5 us.

moto's reset builds every backend in use afresh (``__init__`` again), then drops them
all from its registry, so that the next request builds new ones anyway: each
EC2 backend is built twice per test (some 15 ms each: a default VPC, its subnets,
the image catalogue). Here the reset only drops them; the next use builds each
once, as moto's registry does for a backend's first use.

moto's EC2 lists the default VPC endpoint services (DescribeVpcEndpointServices) by
asking each backend that offers one, importing its module: CloudFormation's imports
most of moto (some 0.45 s, a VPC lab's largest cost). moto keeps the list per
region for the rest of the process; it depends on nothing but moto's version and
the region, so it is kept in the user's cache too (``~/.cache/awslab/moto``), and
the next run reads it there. A run that cannot write there computes it as before, and
so does a graded submission's sealed run: its home is the student's to write.

moto's EC2 reads, as it is imported, which instance types each region and zone offers
(90 gzip'd JSON files, 150,000 entries: some 0.2 s, 0.3 s on a loaded machine), and
most labs import EC2 without ever asking (DynamoDB's auto scaling imports it through
ECS). Here a region's list is read at its first use, from the same file, and given
the same ``LocationType``; a region no one asks about is never read.

moto's Step Functions parses a state machine's definition (with ANTLR's pure-Python
runtime: some 10 ms for a few states) to check it at CreateStateMachine, and again at
each StartExecution (the Step Functions labs: 47 parses again, 0.45 s). The parse
tree of one text never changes: here each text is parsed once, and each execution
still builds its own program from that tree with moto's own preprocessor, so that no
two executions share a state (those 47: 0.07 s).

moto's response serializer finds each member of an answer in moto's object by trying
the names it may go by (the model's name, its snake_case, an alias the class gives,
the name less the class's...): six alias providers made and asked per member, per
answer (a DynamoDB GetItem's answer: 280-380 us to serialize). The names depend only
on the object's class, the member and its shape: each is worked out once per
process (that answer: 185-208 us).

Werkzeug compiles, for every URL rule, two functions that build a URL from the rule
(Python code generated and compiled per rule), and moto routes each REST service
through a map of one rule per operation: some 0.1 s for API Gateway's, 0.06 s for
Lambda's, at their first request, besides the Flask map of each service. moto never
builds a URL from a rule: each function is compiled at its first use instead.

botocore lists its data folders (some 400 services, an ``isfile`` each) again for
each new loader, to find a service's model: they are listed once per process.

botocore parses a data file (a service's API model, the endpoints) again for each
new ``Session`` or loader, and moto makes several: its EC2 module alone parses the
EC2 model three times as it imports (some 0.1 s each), then once more to serve
it, besides the test's own client. Each file is parsed once per process here and
the parsed data shared: botocore and moto only read it (botocore's merge of a
model's extras into it gives the same result every time).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


class Forwarding:
    """Stands for ``module``: the names given here, every other one from the module."""

    def __init__(self, module: ModuleType | Any, **names: Any) -> None:
        self._module = module
        self.__dict__.update(names)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


class _KeyPairOnFirstUse:
    """Stands for moto's private key of one KMS key; makes it at its first use."""

    def __init__(self, make: Any, key_spec: str) -> None:
        self._make = make
        self._key_spec = key_spec
        self._key: Any = None
        self._lock = threading.Lock()  # two first uses at once still make one pair

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like ask the object itself
            raise AttributeError(name)
        with self._lock:
            if self._key is None:
                self._key = self._make(self._key_spec)
        return getattr(self._key, name)


def install() -> None:
    """The savings above, once per process (idempotent)."""
    _parse_botocore_files_once()  # first: moto's imports parse some
    _list_botocore_services_once()
    _list_moto_modules_once()
    _find_response_methods_once()
    _leave_out_flasks_debug_aid()
    _scan_only_xml_for_request_ids()
    _reset_without_rebuilding()
    _compile_url_builders_on_first_use()
    _read_instance_type_offerings_on_first_use()
    _find_attribute_names_once()
    when_imported("moto.cognitoidp.models", _import_cognito_key_once)
    when_imported("moto.kms.models", _make_kms_key_pairs_on_first_use)
    when_imported("moto.sns.models", _sign_sns_deliveries_with_one_key)
    when_imported("moto.ec2.utils", _draw_ec2_ids_at_once)
    when_imported("moto.ec2.models.vpcs", _keep_endpoint_services_across_runs)
    when_imported("moto.stepfunctions.parser.asl.parse.asl_parser", _parse_each_definition_once)


_pending: set[tuple[str, Callable[[], None]]] = set()  # hooked, not yet imported


def when_imported(module: str, patch: Callable[[], None]) -> None:
    """Run ``patch`` (idempotent) once ``module`` is imported: now if it is, else when
    moto imports it, at its service's first request. A run that never calls a service
    does not import it for a patch's sake (some 0.1-0.2 s each)."""
    if module in sys.modules:
        patch()  # also a module imported afresh (pytester gives sys.modules back)
        return
    # Imported here, at moto's start: some 30 ms that a run without moto does not pay.
    import wrapt
    from wrapt.importer import ImportHookFinder  # type: ignore[import-untyped]

    if (module, patch) not in _pending:

        def imported(_module: ModuleType) -> None:
            _pending.discard((module, patch))
            patch()

        _pending.add((module, patch))
        wrapt.when_imported(module)(imported)
    # wrapt puts its finder on sys.meta_path once per process; a pytester run gives
    # sys.meta_path back as it found it, and may take the finder away with it.
    if not any(isinstance(finder, ImportHookFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, ImportHookFinder())


def replace_once(
    owner: Any, name: str, make: Callable[[Any], Any], kind: Callable[[Any], Any] | None = None
) -> None:
    """Put ``make(original)`` in place of ``owner.<name>`` (wrapped in ``kind``: a class's
    ``staticmethod`` or ``classmethod``), unless it is there already: each start of moto
    installs again, and a replacement must not wrap itself."""
    original = getattr(owner, name)
    if getattr(original, "awslab_replaced", False):
        return
    replacement = make(original)
    replacement.awslab_replaced = True
    setattr(owner, name, kind(replacement) if kind else replacement)


def _parse_botocore_files_once() -> None:
    from botocore.loaders import JSONFileLoader

    def once(load_file: Callable[[JSONFileLoader, str], Any]) -> Callable[..., Any]:
        parsed: dict[str, Any] = {}

        def load_file_once(loader: JSONFileLoader, file_path: str) -> Any:
            # Two threads may parse one file at once: the same data, kept once.
            if file_path not in parsed:
                parsed[file_path] = load_file(loader, file_path)
            return parsed[file_path]

        return load_file_once

    replace_once(JSONFileLoader, "load_file", once)


def _list_botocore_services_once() -> None:
    from botocore.loaders import Loader

    def once(list_services: Callable[[Loader, str], list[str]]) -> Callable[..., Any]:
        listed: dict[tuple[tuple[str, ...], str], list[str]] = {}

        def list_available_services_once(loader: Loader, type_name: str) -> list[str]:
            key = (tuple(loader.search_paths), type_name)
            if key not in listed:
                listed[key] = list_services(loader, type_name)
            return list(listed[key])  # a list of the caller's own, as botocore gives

        list_available_services_once.__wrapped__ = list_services  # type: ignore[attr-defined]
        return list_available_services_once

    replace_once(Loader, "list_available_services", once)


def _find_response_methods_once() -> None:
    from moto.core import responses

    def once(find: Callable[[type], list[str]]) -> Callable[..., Any]:
        @functools.cache
        def method_names_from_class(response_class: type) -> frozenset[str]:
            return frozenset(find(response_class))

        return method_names_from_class

    replace_once(responses, "method_names_from_class", once)


def _scan_only_xml_for_request_ids() -> None:
    from moto.core.responses import BaseResponse

    def xml_only(enrich: Callable[[dict[str, str], Any], Any]) -> Callable[..., Any]:
        def _enrich_response(headers: dict[str, str], body: Any) -> Any:
            if isinstance(body, str) and "<RequestId>" not in body:
                headers, _ = enrich(headers, "")  # the headers' part as before; no body scan
                return headers, body
            return enrich(headers, body)

        return _enrich_response

    replace_once(BaseResponse, "_enrich_response", xml_only, kind=staticmethod)


def _reset_without_rebuilding() -> None:
    from moto.core import base_backend

    def forgetting(_rebuild: Callable[[], None]) -> Callable[[type], None]:
        def reset(backend_dicts: type) -> None:
            # moto's own reset builds every backend in use afresh, then drops them all
            # (``clear``): only an outside reference kept across the reset would see
            # the rebuilt one, and nothing here keeps one. Dropped, they are built at
            # their next use, as they were before their first.
            with base_backend.backend_lock:
                for backend in backend_dicts._instances:  # type: ignore[attr-defined]
                    backend.clear()
                backend_dicts._instances.clear()  # type: ignore[attr-defined]

        return reset

    replace_once(base_backend.BackendDict, "reset", forgetting, kind=classmethod)


def _draw_ec2_ids_at_once() -> None:
    from moto.ec2 import utils

    def at_once(_draw_per_digit: Callable[[int], str]) -> Callable[[int], str]:
        def random_resource_id(size: int = 8) -> str:
            # The same ids (``size`` hex digits, each as likely, from moto's seedable
            # generator), drawn in one call rather than one call per digit.
            return format(utils.random.getrandbits(4 * size), f"0{size}x")

        return random_resource_id

    replace_once(utils, "random_resource_id", at_once)


def _keep_endpoint_services_across_runs() -> None:
    from moto.ec2.models import vpcs

    def kept(collect: Callable[[str, str], list]) -> Callable[[str, str], list]:
        def collect_default_endpoint_services(account_id: str, region: str) -> list:
            saved = _kept_file(f"vpc-endpoint-services-{region}.json")
            if region in vpcs.DEFAULT_VPC_ENDPOINT_SERVICES or saved is None:
                return collect(account_id, region)  # moto's own (kept in this process)
            try:
                services = json.loads(saved.read_text())
            except (OSError, ValueError):
                services = collect(account_id, region)
                _write_atomically(saved, json.dumps(services))
            with vpcs.ENDPOINT_SERVICE_COLLECTION_LOCK:
                return vpcs.DEFAULT_VPC_ENDPOINT_SERVICES.setdefault(region, services)

        return collect_default_endpoint_services

    replace_once(vpcs.VPCBackend, "_collect_default_endpoint_services", kept, kind=staticmethod)


def _compile_url_builders_on_first_use() -> None:
    from werkzeug.routing.rules import Rule

    def on_first_use(compile_builder: Callable[..., Any]) -> Callable[..., Any]:
        def _compile_builder(rule: Rule, append_unknown: bool = True) -> Callable[..., Any]:
            compiled: list[Callable[..., Any]] = []

            def build(bound_rule: Rule, **values: Any) -> Any:
                # Werkzeug binds what this returns to its rule; the compiled function
                # is bound the same way, once, at the first URL built.
                if not compiled:
                    compiled.append(compile_builder(bound_rule, append_unknown).__get__(bound_rule))
                return compiled[0](**values)

            return build

        return _compile_builder

    replace_once(Rule, "_compile_builder", on_first_use)


class _RegionsOnFirstUse(dict):
    """One location type's instance-type offerings, ``{region: [offering, ...]}``: each
    region's list is read at its first use, from moto's file, in place (so that
    everything holding the list sees it filled)."""

    def __init__(self, location_type: str, files: dict[str, str], read: Callable) -> None:
        super().__init__({region: [] for region in files})
        self._location_type = location_type
        self._files = files  # region: moto's resource path, until it is read
        self._read = read
        self._lock = threading.Lock()

    def _filled(self, region: Any) -> None:
        if region not in self._files:
            return  # read (a region leaves ``_files`` only once its list is filled)
        with self._lock:
            if region in self._files:
                offerings = self._read(self._files[region])
                for offering in offerings:  # as moto's import tags each
                    offering["LocationType"] = self._location_type
                dict.__getitem__(self, region).extend(offerings)
                del self._files[region]

    def __getitem__(self, region: Any) -> Any:
        self._filled(region)
        return super().__getitem__(region)

    def get(self, region: Any, default: Any = None) -> Any:
        self._filled(region)
        return super().get(region, default)

    def values(self) -> Any:
        for region in list(self._files):
            self._filled(region)
        return super().values()

    def items(self) -> Any:
        self.values()
        return super().items()


_OFFERINGS_FOLDER = "ec2/resources/instance_type_offerings/"
_INSTANCE_TYPES_MODULE = "moto.ec2.models.instance_types"
#: The offerings files that moto's EC2 import named and left unread, until it ends:
#: ``{location type: {region: moto's resource path}}``.
_unread_offerings: dict[str, dict[str, str]] = {}
_offerings_import_ended = False  # from then on, moto's files are read as it asks


def _read_instance_type_offerings_on_first_use() -> None:
    """Before moto's EC2 is imported: its import records each offerings file rather than
    read it; once imported, each location type's regions are read at their first use."""
    if _INSTANCE_TYPES_MODULE in sys.modules:
        return  # imported (and read) already: nothing left to save
    from moto.utilities import utils

    def recording(read: Callable[[str], Any]) -> Callable[[str], Any]:
        def load_resource(resource: str) -> Any:
            if resource.startswith(_OFFERINGS_FOLDER) and not _offerings_import_ended:
                location_type, file_name = resource[len(_OFFERINGS_FOLDER) :].split("/")
                _unread_offerings.setdefault(location_type, {})[file_name.split(".")[0]] = resource
                return []  # what moto's import keeps for the region: filled at first use
            return read(resource)

        load_resource.__wrapped__ = read  # type: ignore[attr-defined]
        return load_resource

    replace_once(utils, "load_resource", recording)
    when_imported(_INSTANCE_TYPES_MODULE, _offerings_read_at_first_use)


def _offerings_read_at_first_use() -> None:
    global _offerings_import_ended
    from moto.ec2.models import instance_types
    from moto.utilities import utils

    _offerings_import_ended = True
    read = getattr(utils.load_resource, "__wrapped__", utils.load_resource)
    for location_type, files in _unread_offerings.items():
        instance_types.INSTANCE_TYPE_OFFERINGS[location_type] = _RegionsOnFirstUse(
            location_type, files, read
        )
    _unread_offerings.clear()


#: Set (to anything) in a run that must not read what an earlier run kept: the sealed
#: run of a graded submission, whose home is the student's to write.
NO_KEPT_DATA_VARIABLE = "AWSLAB_NO_KEPT_DATA"


def _kept_file(name: str) -> Path | None:
    """Where what moto computed is kept as ``name`` for the next run of this moto version,
    or None in a run that must read nothing kept (``NO_KEPT_DATA_VARIABLE``)."""
    import moto

    from harness.launcher.homes import user_cache

    if os.environ.get(NO_KEPT_DATA_VARIABLE):
        return None
    return user_cache("moto") / moto.__version__ / name


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a reader never sees half); a
    folder that cannot be written (a sandboxed grading run) is left as it is."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_text(text)
        os.replace(partial, path)
    except OSError:
        pass


def _leave_out_flasks_debug_aid() -> None:
    from flask import debughelpers

    def left_out(_original: Any) -> Callable[..., None]:
        def attach_enctype_error_multidict(request: Any) -> None:
            pass

        return attach_enctype_error_multidict

    replace_once(debughelpers, "attach_enctype_error_multidict", left_out)


def _sign_sns_deliveries_with_one_key() -> None:
    from moto.sns.models import Subscription

    def one_key(private_key: Any) -> Callable[..., Any]:
        make = functools.cache(private_key.__wrapped__)  # moto's, without its cache

        def one_private_key(subscription: Any) -> Any:
            return make(None)  # moto's never reads the subscription

        return one_private_key

    replace_once(Subscription, "private_key", one_key)


def _parse_each_definition_once() -> None:
    from moto.stepfunctions.parser.asl.parse import asl_parser

    def once(parse: Callable[[str], tuple[Any, Any]]) -> Callable[[str], tuple[Any, Any]]:
        trees: dict[str, Any] = {}

        def parse_once(definition: str) -> tuple[Any, Any]:
            tree = trees.get(definition)
            if tree is None:
                program, tree = parse(definition)  # a definition that fails is not kept
                trees[definition] = tree
                return program, tree
            return asl_parser.Preprocessor().visit(tree), tree

        return parse_once

    replace_once(asl_parser.AmazonStateLanguageParser, "parse", once, staticmethod)


def _find_attribute_names_once() -> None:
    from moto.core import serialize

    def once(get_possible_keys: Callable[..., Any]) -> Callable[..., tuple[str, ...]]:
        found: dict[tuple, tuple[str, ...]] = {}

        @functools.wraps(get_possible_keys)  # __wrapped__: moto's own, for the tests
        def get_possible_keys_once(picker: Any, context: Any) -> tuple[str, ...]:
            # What each alias provider reads: the object's class (its name, its Meta),
            # the key, the member's shape and the structure it is a member of.
            shape = context.shape
            asked = (
                type(picker),
                tuple(picker.alias_providers),
                type(context.obj),
                context.key,
                shape,
                getattr(shape, "parent", None),
            )
            if asked not in found:
                found[asked] = tuple(get_possible_keys(picker, context))
            return found[asked]

        return get_possible_keys_once

    replace_once(serialize.XFormedAttributePicker, "get_possible_keys", once)


def _list_moto_modules_once() -> None:
    from moto import backends

    def once(list_modules: Callable[[], Any]) -> Callable[[], tuple[str, ...]]:
        modules = tuple(list_modules())
        return lambda: modules

    replace_once(backends, "list_of_moto_modules", once)


def _make_kms_key_pairs_on_first_use() -> None:
    from moto.kms import models

    def on_first_use(make: Callable[[str], Any]) -> Callable[[str], Any]:
        return lambda key_spec: _KeyPairOnFirstUse(make, key_spec)

    replace_once(models, "generate_private_key", on_first_use)


def _import_cognito_key_once() -> None:
    from moto.cognitoidp import models

    def once(jwk: Any) -> Forwarding:
        imported: dict[str, Any] = {}

        def import_key(value: Any, *args: Any, **kwargs: Any) -> Any:
            if args or kwargs:  # not moto's call: left as it is
                return jwk.RSAKey.import_key(value, *args, **kwargs)
            text = json.dumps(value, sort_keys=True)
            if text not in imported:
                imported[text] = _import_with_kept_factors(jwk.RSAKey, value)
            return imported[text]

        # Only moto's Cognito module sees this stand-in for joserfc's jwk module.
        return Forwarding(jwk, RSAKey=Forwarding(jwk.RSAKey, import_key=import_key))

    replace_once(models, "jwk", once)


#: The CRT parameters of an RSA key in a JWK (RFC 7518, 6.3.2), as a kept file holds them.
_RSA_FACTORS = (("p", "p"), ("q", "q"), ("dp", "dmp1"), ("dq", "dmq1"), ("qi", "iqmp"))


def _import_with_kept_factors(rsa_key: Any, value: dict) -> Any:
    """moto's Cognito key, imported with the prime factors an earlier run kept: without
    them joserfc recovers them from the private exponent first. A kept file whose
    factors do not give this key is not used; a run that must read nothing kept
    recovers them, as before."""
    from joserfc.util import base64_to_int, int_to_base64

    saved = _kept_file("cognito-key-factors.json")
    if saved is None or "d" not in value or "p" in value:
        return rsa_key.import_key(value)
    try:
        factors = json.loads(saved.read_text())
        if base64_to_int(factors["p"]) * base64_to_int(factors["q"]) == base64_to_int(value["n"]):
            # The rest is checked as the key is loaded (cryptography's key check).
            return rsa_key.import_key({**value, **factors})
    except Exception:  # noqa: BLE001 - none kept, or not this key's: recovered below
        pass
    key = rsa_key.import_key(value)
    numbers = key.private_key.private_numbers()
    kept = {name: int_to_base64(getattr(numbers, field)) for name, field in _RSA_FACTORS}
    _write_atomically(saved, json.dumps(kept))
    return key
