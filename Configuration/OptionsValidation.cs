using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VibeCheck.Configuration;

/// <summary>Options whose type knows its own rules (a <c>Validate()</c> that lists problems) validated the options way.</summary>
public static class OptionsValidation
{
    /// <summary>Fails the options with every problem <paramref name="validate"/> lists; empty means valid.</summary>
    public static OptionsBuilder<T> ValidateWith<T>(this OptionsBuilder<T> builder, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<T>>(new ListValidator<T>(builder.Name, validate));
        return builder;
    }

    private sealed class ListValidator<T>(string? name, Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var errors = validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
