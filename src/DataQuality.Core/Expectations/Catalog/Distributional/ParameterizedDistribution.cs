using System.Text.Json.Nodes;
using DataQuality.Core.Checks.Planning;
using DataQuality.Core.Statistics;

namespace DataQuality.Core.Expectations.Catalog.Distributional;

/// <summary>
/// A scipy.stats distribution named by GX's <c>distribution</c> kwarg with its <c>params</c>, given
/// positionally (scipy order) or as GX's dict: norm {mean, std_dev}; uniform {min, max} (passed to
/// scipy as loc=min, scale=max, exactly as GX does); expon {loc, scale}; beta {alpha, beta, loc,
/// scale}; gamma {alpha, loc, scale}; chi2 {df, loc, scale}; t {df, loc, scale} (our addition).
/// </summary>
public static class ParameterizedDistribution
{
    private static readonly Dictionary<string, (string[] Names, double?[] Defaults)> Shapes = new(StringComparer.Ordinal)
    {
        ["norm"] = (["mean", "std_dev"], [0, 1]),
        ["uniform"] = (["min", "max"], [0, 1]),
        ["expon"] = (["loc", "scale"], [0, 1]),
        ["beta"] = (["alpha", "beta", "loc", "scale"], [null, null, 0, 1]),
        ["gamma"] = (["alpha", "loc", "scale"], [null, 0, 1]),
        ["chi2"] = (["df", "loc", "scale"], [null, 0, 1]),
        ["t"] = (["df", "loc", "scale"], [null, 0, 1]),
    };

    public static (double[] Args, Func<double, double> Cdf) Resolve(PlanContext context, string distribution, JsonNode? @params)
    {
        if (!Shapes.TryGetValue(distribution, out var shape))
            throw Error(context, $"distribution '{distribution}' is not supported; use one of {string.Join(", ", Shapes.Keys)}");
        var args = new double[shape.Names.Length];
        for (var i = 0; i < args.Length; i++)
        {
            JsonNode? node = @params switch
            {
                JsonArray a => i < a.Count ? a[i] : null,
                JsonObject o => o[shape.Names[i]],
                null => null,
                _ => throw Error(context, "params must be a list (scipy order) or an object"),
            };
            if (node is not null && JsonNumber.TryGetDouble(node, out var d)) args[i] = d;
            else if (node is null && shape.Defaults[i] is { } def) args[i] = def;
            else throw Error(context, $"{distribution} needs parameter '{shape.Names[i]}' as a number");
        }
        var scaleIndex = distribution switch { "norm" => 1, "uniform" or "expon" => 1, "beta" => 3, _ => 2 };
        if (!(args[scaleIndex] > 0)) throw Error(context, $"{distribution}: the scale parameter '{shape.Names[scaleIndex]}' must be positive");
        if (distribution is "beta" && !(args[0] > 0 && args[1] > 0) || distribution is "gamma" or "chi2" or "t" && !(args[0] > 0))
            throw Error(context, $"{distribution}: shape parameters must be positive");
        Func<double, double> cdf = distribution switch
        {
            "norm" => x => Distributions.NormalCdf(x, args[0], args[1]),
            "uniform" => x => Distributions.UniformCdf(x, args[0], args[1]),
            "expon" => x => Distributions.ExponentialCdf(x, args[0], args[1]),
            "beta" => x => Distributions.BetaCdf(x, args[0], args[1], args[2], args[3]),
            "gamma" => x => Distributions.GammaCdf(x, args[0], args[1], args[2]),
            "chi2" => x => Distributions.ChiSquareCdf(x, args[0], args[1], args[2]),
            _ => x => Distributions.StudentTCdf(x, args[0], args[1], args[2]),
        };
        return (args, cdf);
    }

    private static ExpectationArgumentException Error(PlanContext context, string message) =>
        new("DQ5503", $"{context.Config.Type}: {message}", context.Config.Location);
}
