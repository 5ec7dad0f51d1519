from ui.screenshots.runner import main

raise SystemExit(main())
