using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

/// <summary>FormXml/&lt;type&gt;/{id}.xml: a form and the fields its controls bind.</summary>
public sealed record FormDefinition(string File, Guid Id, string Table, string Name, IReadOnlyList<FormField> Fields);

/// <summary>A control bound to a column; Disabled means read-only on the form.</summary>
public sealed record FormField(string Column, bool Disabled);

/// <summary>SavedQueries/{id}.xml: a view, the columns its layout and FetchXML name, and its conditions.</summary>
public sealed record ViewDefinition(string File, Guid Id, string Table, string Name, string? FetchEntity, IReadOnlyList<string> Columns, IReadOnlyList<ViewCondition> Conditions);

/// <summary>A FetchXML condition with its value as written.</summary>
public sealed record ViewCondition(string Column, string Operator, string? Value);
