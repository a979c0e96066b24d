using System;
using System.Linq;
using System.Reflection;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Plugins;

/// <summary>The plugin types as the platform sees them: named as registered, constructible, stateless.</summary>
public class PluginShapeSpecification
{
    private static readonly Type[] PluginTypes = typeof(AssessDealOnSave).Assembly.GetTypes()
        .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void Every_plugin_type_is_one_the_solution_registers_and_every_registration_finds_its_type()
    {
        var world = new RelationshipWorld();
        var registered = world.Dataverse.Steps.Select(s => s.PluginType)
            .Concat(world.Dataverse.CustomApis.Values.Select(a => a.PluginType!))
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

        Assert.Equal(PluginTypes.OrderBy(t => t.FullName, StringComparer.Ordinal), registered);
        Assert.Equal(
            new[]
            {
                "DataverseRelationship.Plugins.Accounts.InitialiseRelationshipOnCreate",
                "DataverseRelationship.Plugins.Accounts.ProtectAccountComputedColumns",
                "DataverseRelationship.Plugins.Accounts.RecalculateOnRelationshipInputChange",
                "DataverseRelationship.Plugins.Accounts.ValidateTierOverride",
                "DataverseRelationship.Plugins.Contacts.RecountKeyContacts",
                "DataverseRelationship.Plugins.Opportunities.AssessDealOnSave",
                "DataverseRelationship.Plugins.Opportunities.CaptureDealBeforeClose",
                "DataverseRelationship.Plugins.Opportunities.ProtectOpportunityComputedColumns",
                "DataverseRelationship.Plugins.Opportunities.RecalculateAccountOnDealChange",
                "DataverseRelationship.Plugins.Recalculation.RecalculateAccountApi",
                "DataverseRelationship.Plugins.Recalculation.RecalculateAccountsApi",
            },
            PluginTypes.Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_plugin_has_the_constructors_the_platform_calls_and_holds_no_per_call_state()
    {
        Assert.All(PluginTypes, type =>
        {
            Assert.True(type.IsSealed, type.Name + " is sealed");
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            Assert.NotNull(type.GetConstructor(new[] { typeof(string), typeof(string) }));
            Assert.True(typeof(PluginBase).IsAssignableFrom(type));
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            Assert.Empty(fields);
            var staticFields = type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            Assert.All(staticFields, f => Assert.True(f.IsLiteral || f.IsInitOnly, type.Name + "." + f.Name + " is constant"));
        });
    }
}
