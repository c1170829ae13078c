"""Where the labs' AWS calls go: an emulator, or (only when asked) real AWS.

Each backend is a plain class that works without pytest: read
``endpoint_url`` (known from construction), ``start()`` it, ``isolate()``
before a test, ``clean_up()`` after, ``stop()`` at the end. ``registry`` names
them for ``--backend``.

Nothing is imported here on purpose: the Lambda runtime's workers import
``loopback`` (standard library only) at every cold start, and importing this
package must not cost them boto3 and moto (about 0.25 s each).
"""
