from sio_codegen.cli import main

raise SystemExit(main())
