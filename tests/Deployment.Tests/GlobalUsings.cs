global using YamlMap = System.Collections.Generic.Dictionary<string, object?>;
