using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataQuality.Core.Expectations;

/// <summary>
/// GX suite parameters: a kwarg written <c>{"$PARAMETER": "expression"}</c> is evaluated before the
/// expectation is planned. Expressions are arithmetic (+ − * / and parentheses) over numbers, named
/// parameters, and GX's date helpers <c>now()</c>, <c>datetime(y, m, d[, h, mi, s])</c> and
/// <c>timedelta(weeks=…, days=…, hours=…, minutes=…, seconds=…)</c>. A date result becomes an ISO
/// timestamp string, which bounds compare as an instant. Anything else is an argument error (DQ4104).
/// </summary>
public static class SuiteParameters
{
    public const string Key = "$PARAMETER";

    /// <summary>The config with every <c>$PARAMETER</c> kwarg replaced by its value; the same instance when there is none.</summary>
    public static ExpectationConfig Resolve(ExpectationConfig config, IReadOnlyDictionary<string, JsonNode?>? parameters = null, DateTime? now = null)
    {
        if (!config.Kwargs.Any(kv => IsParameter(kv.Value))) return config;
        var kwargs = new JsonObject();
        foreach (var (name, value) in config.Kwargs)
        {
            kwargs[name] = IsParameter(value)
                ? Evaluate(((JsonObject)value!)[Key]!.GetValue<string>(), parameters, now ?? DateTime.Now, config, name)
                : value?.DeepClone();
        }
        return config with { Kwargs = kwargs };
    }

    private static bool IsParameter(JsonNode? node) =>
        node is JsonObject o && o.Count == 1 && o[Key] is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?>? parameters, DateTime now, ExpectationConfig config, string kwarg)
    {
        var parser = new Parser(expression, parameters, now, config, kwarg);
        return parser.Run() switch
        {
            DateTime dt => JsonValue.Create(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
            double d => JsonValue.Create(d),
            JsonNode node => node.DeepClone(),
            var other => throw parser.Error($"evaluates to {other?.GetType().Name ?? "null"}, not a number or a date"),
        };
    }

    /// <summary>Recursive descent over the expression; values are double, DateTime, TimeSpan or a parameter's JSON.</summary>
    private sealed class Parser(string text, IReadOnlyDictionary<string, JsonNode?>? parameters, DateTime now, ExpectationConfig config, string kwarg)
    {
        private int _pos;

        public object? Run()
        {
            var value = Sum();
            Skip();
            if (_pos != text.Length) throw Error($"unexpected '{text[_pos..]}'");
            return value;
        }

        public ExpectationArgumentException Error(string why) =>
            new("DQ4104", $"{config.Type}: suite parameter {kwarg} = \"{text}\" {why}.", config.Location);

        private object? Sum()
        {
            var left = Product();
            while (true)
            {
                bool minus;
                if (Accept('+')) minus = false;
                else if (Accept('-')) minus = true;
                else break;
                var right = Product();
                left = (left, right, minus) switch
                {
                    (double a, double b, false) => a + b,
                    (double a, double b, true) => a - b,
                    (DateTime a, TimeSpan b, false) => a + b,
                    (DateTime a, TimeSpan b, true) => a - b,
                    (TimeSpan a, TimeSpan b, false) => a + b,
                    (TimeSpan a, TimeSpan b, true) => a - b,
                    (DateTime a, DateTime b, true) => a - b,
                    _ => throw Error("mixes values that cannot be added or subtracted"),
                };
            }
            return left;
        }

        private object? Product()
        {
            var left = Unary();
            while (Peek('*') || Peek('/'))
            {
                var op = text[_pos++];
                var right = Unary();
                left = (left, right, op) switch
                {
                    (double a, double b, '*') => a * b,
                    (double a, double b, '/') => a / b,
                    (TimeSpan a, double b, '*') => a * b,
                    (double a, TimeSpan b, '*') => b * a,
                    (TimeSpan a, double b, '/') => a / b,
                    _ => throw Error("mixes values that cannot be multiplied"),
                };
            }
            return left;
        }

        private object? Unary()
        {
            if (Accept('-'))
            {
                return Unary() switch
                {
                    double d => -d,
                    TimeSpan t => -t,
                    _ => throw Error("negates a value that is not a number"),
                };
            }
            return Primary();
        }

        private object? Primary()
        {
            Skip();
            if (Accept('('))
            {
                var inner = Sum();
                Expect(')');
                return inner;
            }
            if (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.'))
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E')) _pos++;
                return double.Parse(text[start.._pos], CultureInfo.InvariantCulture);
            }
            var name = Identifier();
            if (!Accept('('))
            {
                if (parameters is not null && parameters.TryGetValue(name, out var value))
                    return value is JsonValue v && Checks.Planning.JsonNumber.TryGetDouble(v, out var d) ? (object)d : value;
                throw Error($"names '{name}', which is not a known suite parameter");
            }
            var (positional, named) = Arguments();
            return name switch
            {
                "now" when positional.Count == 0 && named.Count == 0 => now,
                "datetime" when positional.Count is >= 3 and <= 6 && named.Count == 0 => new DateTime(
                    (int)positional[0], (int)positional[1], (int)positional[2],
                    positional.Count > 3 ? (int)positional[3] : 0, positional.Count > 4 ? (int)positional[4] : 0, positional.Count > 5 ? (int)positional[5] : 0),
                "timedelta" when positional.Count <= 1 => TimeDelta(positional, named),
                _ => throw Error($"calls {name}() with arguments it does not take"),
            };
        }

        private TimeSpan TimeDelta(List<double> positional, Dictionary<string, double> named)
        {
            var days = positional.Count == 1 ? positional[0] : 0;
            foreach (var (unit, amount) in named)
            {
                days += unit switch
                {
                    "weeks" => amount * 7,
                    "days" => amount,
                    "hours" => amount / 24,
                    "minutes" => amount / 1440,
                    "seconds" => amount / 86400,
                    _ => throw Error($"passes timedelta() an unknown unit '{unit}'"),
                };
            }
            return TimeSpan.FromDays(days);
        }

        private (List<double> Positional, Dictionary<string, double> Named) Arguments()
        {
            var positional = new List<double>();
            var named = new Dictionary<string, double>(StringComparer.Ordinal);
            if (Accept(')')) return (positional, named);
            do
            {
                Skip();
                var save = _pos;
                string? key = null;
                if (_pos < text.Length && char.IsLetter(text[_pos]))
                {
                    var id = Identifier();
                    if (Accept('=')) key = id;
                    else _pos = save;
                }
                if (Sum() is not double value) throw Error("passes a function an argument that is not a number");
                if (key is null) positional.Add(value);
                else named[key] = value;
            }
            while (Accept(','));
            Expect(')');
            return (positional, named);
        }

        private string Identifier()
        {
            Skip();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            if (_pos == start) throw Error(_pos < text.Length ? $"has an unexpected '{text[_pos]}'" : "ends too early");
            return text[start.._pos];
        }

        private bool Accept(char c)
        {
            Skip();
            if (_pos < text.Length && text[_pos] == c) { _pos++; return true; }
            return false;
        }

        private bool Peek(char c)
        {
            Skip();
            return _pos < text.Length && text[_pos] == c;
        }

        private void Expect(char c)
        {
            if (!Accept(c)) throw Error($"lacks a '{c}'");
        }

        private void Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }
    }
}
