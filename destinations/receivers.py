"""Signal receivers of the destinations room, connected when the app is ready."""
