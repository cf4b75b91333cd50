"""中文: the core's messages (argument checks, training progress)."""

MESSAGES = {
}
