"""Service walkthroughs: the scenario model (screens, controls, fields), reading `*.scenario.yaml`,
the engine's state machine and reference path, field validation, and the answers the demo mode types."""
