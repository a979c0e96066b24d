using System;
using System.Globalization;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Forms and views.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
        private void Forms()
        {
            foreach (var form in source.Forms)
            {
                foreach (var field in form.Fields.Where(f => !ColumnExists(form.Table, f.Column)))
                {
                    Add(FindingKind.MissingColumn, form.File, $"form '{form.Name}': field {form.Table}.{field.Column} does not exist.");
                }
            }
        }

        private void Views()
        {
            foreach (var view in source.Views)
            {
                var where = $"view '{view.Name}'";
                if (view.FetchEntity is null || !string.Equals(view.FetchEntity, view.Table, StringComparison.OrdinalIgnoreCase))
                {
                    Add(FindingKind.MissingTable, view.File, $"{where}: FetchXML entity '{view.FetchEntity}' is not the view's table {view.Table}.");
                    continue;
                }

                foreach (var column in view.Columns.Where(c => !ColumnExists(view.Table, c)))
                {
                    Add(FindingKind.MissingColumn, view.File, $"{where}: column {view.Table}.{column} does not exist.");
                }

                foreach (var condition in view.Conditions)
                {
                    if (!ColumnExists(view.Table, condition.Column))
                    {
                        Add(FindingKind.MissingColumn, view.File, $"{where}: condition column {view.Table}.{condition.Column} does not exist.");
                        continue;
                    }

                    var column = source.FindTable(view.Table)?.FindColumn(condition.Column);
                    if (column?.OptionSetName is { } setName && source.FindOptionSet(setName) is { } set && condition.Value is { } text
                        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && set.Options.All(o => o.Value != value))
                    {
                        Add(FindingKind.InvalidChoice, view.File, $"{where}: condition {condition.Column} = {value} is not a value of choice {set.Name}.");
                    }
                }
            }
        }
    }
}
