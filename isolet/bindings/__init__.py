"""Python objects behind ``env.X``: each speaks a storage protocol, none knows JS."""
