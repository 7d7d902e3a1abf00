using System.Text.RegularExpressions;

namespace VibeCheck.Alerting;

/// <summary>How a <see cref="LabelMatcher"/> compares a label value.</summary>
public enum MatchOperator
{
    /// <summary>Value equals.</summary>
    Equal = 0,

    /// <summary>Value differs (a missing label counts as empty).</summary>
    NotEqual = 1,

    /// <summary>Value matches the anchored regular expression.</summary>
    Regex = 2,

    /// <summary>Value does not match the anchored regular expression.</summary>
    NotRegex = 3,
}

/// <summary>One condition on a label, as in Alertmanager silences and inhibit rules.</summary>
/// <param name="Name">Label name, e.g. <c>camera</c>.</param>
/// <param name="Value">Value or anchored regular expression.</param>
/// <param name="Operator">Comparison.</param>
public sealed record LabelMatcher(string Name, string Value, MatchOperator Operator = MatchOperator.Equal)
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>True when the labels satisfy this matcher; a missing label is the empty string.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var actual = labels.TryGetValue(Name, out var v) ? v : "";
        return Operator switch
        {
            MatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
            MatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
            MatchOperator.Regex => IsMatch(actual),
            MatchOperator.NotRegex => !IsMatch(actual),
            _ => false,
        };
    }

    /// <summary>An error message when the matcher is unusable, otherwise null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return "matcher label name is empty";
        }

        if (Operator is MatchOperator.Regex or MatchOperator.NotRegex)
        {
            try
            {
                _ = new Regex(Value, RegexOptions.None, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                return $"matcher {Name}: invalid regular expression: {e.Message}";
            }
        }

        return null;
    }

    /// <summary>True when every matcher matches.</summary>
    public static bool All(IEnumerable<LabelMatcher> matchers, IReadOnlyDictionary<string, string> labels) =>
        matchers.All(m => m.Matches(labels));

    private bool IsMatch(string actual) =>
        Regex.IsMatch(actual, $"^(?:{Value})$", RegexOptions.CultureInvariant, RegexTimeout);
}
