package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;
import static org.zerocarbon.core.calc.Names.qualifiedName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.UncertainParameter;
import org.zerocarbon.model.zc.DirectEmission;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.GwpPart;
import org.zerocarbon.model.zc.GwpSplit;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Uncertainty;

/**
 * The background of a product system: one process per emission factor used and one per user-defined
 * {@link Process} reached from the inventory, with its reference output on the diagonal, its inputs from other
 * factors and processes (loops included: the solver handles them) and its direct emissions as interventions per GWP
 * part. Every process carries the indicators of {@link Indicators}; the market-based indicator equals GWP-total here
 * (only site electricity differs, see {@link ElectricitySupply}).
 * <p>
 * Uncertainties of factors and of process exchanges become Monte Carlo parameters on the amounts they belong to:
 * a factor's or a direct emission's on its GWP-total intervention, an input's on the input, an output's on the
 * reference output.
 */
final class ProcessNetwork {

	/** The rows of B. {@code undeclared} carries the part of GWP-total that is fossil only because no split was declared. */
	record Indicators(int total, int fossil, int biogenicEmissions, int biogenicRemovals, int luluc, int market, int undeclared) {
		static Indicators of(ProductSystem.Builder builder) {
			return new Indicators(builder.indicator(FootprintCalculator.GWP), builder.indicator("GWP-fossil"),
					builder.indicator("GWP-biogenic emissions"), builder.indicator("GWP-biogenic removals"), builder.indicator("GWP-luluc"),
					builder.indicator("GWP-total market-based"), builder.indicator("GWP undeclared split"));
		}
	}

	private record Pending(String name, UncertainParameter.Kind kind, int process, int other, ContinuousDistribution distribution) {
	}

	private final ProductSystem.Builder builder;
	private final Indicators indicators;
	private final Map<Provider, Integer> processes = new LinkedHashMap<>();
	private final Map<EmissionFactor, Quantities.FactorValue> values = new LinkedHashMap<>();
	private final List<Pending> uncertain = new ArrayList<>();

	ProcessNetwork(ProductSystem.Builder builder, Indicators indicators) {
		this.builder = builder;
		this.indicators = indicators;
	}

	/** The factors used, in the order first reached. */
	List<EmissionFactor> factors() {
		return processes.keySet().stream().filter(EmissionFactor.class::isInstance).map(EmissionFactor.class::cast).toList();
	}

	/** The user-defined processes used, in the order first reached. */
	List<Process> userProcesses() {
		return processes.keySet().stream().filter(Process.class::isInstance).map(Process.class::cast).toList();
	}

	/** The value of a factor in kgCO2e per its activity unit. */
	Quantities.FactorValue value(EmissionFactor factor, String where) {
		return values.computeIfAbsent(factor, f -> Quantities.factor(f, where));
	}

	/** The unit an amount drawn from {@code provider} must be in. */
	String unit(Provider provider, String where) {
		return provider instanceof EmissionFactor f ? value(f, where).activityUnit() : Quantities.referenceUnit(provider, where);
	}

	/** The process of a factor or user-defined process, created (with its whole upstream) on first use. */
	int process(Provider provider, String where) {
		Integer known = processes.get(provider);
		if (known != null) {
			return known;
		}
		if (provider instanceof EmissionFactor factor) {
			int p = builder.process("factor " + qualifiedName(factor));
			processes.put(factor, p);
			factorInterventions(p, factor, value(factor, where).kgCO2ePerUnit(), where);
			return p;
		}
		if (provider instanceof DeclaredModule module) {
			return declaredModule(module, where);
		}
		if (provider instanceof DeclaredProduct product) {
			return productStage(product, where);
		}
		Process process = (Process) provider;
		String name = "process " + qualifiedName(process);
		String unit = Quantities.referenceUnit(process, where);
		double output = process.getOutput().getAmount().getValue().doubleValue();
		if (output <= 0) {
			throw new CalculationException(process, name + ": its reference output must be positive");
		}
		int p = builder.process(name, output);
		builder.location(p, Names.fileOf(process));
		processes.put(process, p);
		exchangeUncertainty(name + " output", UncertainParameter.Kind.OUTPUT, p, -1, process.getOutput().getUncertainty(), output, unit, 1);
		for (ProcessInput input : process.getInputs()) {
			if (input.getProvider() == null) {
				continue;
			}
			String at = name + ", input from " + input.getProvider().getName();
			int from = process(input.getProvider(), at);
			String to = unit(input.getProvider(), at);
			double amount;
			try {
				amount = Quantities.convert(input.getAmount().getValue().doubleValue(), input.getAmount().getUnit(), to);
			} catch (IllegalArgumentException e) {
				throw new CalculationException(input, at + ": " + input.getAmount().getValue().toPlainString() + " " + input.getAmount().getUnit()
						+ " cannot be used as " + to + ", the unit '" + input.getProvider().getName() + "' is given per");
			}
			builder.input(p, from, amount);
			exchangeUncertainty(at, UncertainParameter.Kind.INPUT, p, from, input.getUncertainty(), amount, input.getAmount().getUnit(),
					amount / input.getAmount().getValue().doubleValue());
		}
		for (DirectEmission emission : process.getEmissions()) {
			double kg = Quantities.in(emission.getAmount(), "kgCO2e", name + ", direct emission");
			GwpPart part = emission.getPart() == null ? GwpPart.FOSSIL : emission.getPart();
			builder.intervention(p, indicators.total(), kg);
			builder.intervention(p, indicators.market(), kg);
			builder.intervention(p, switch (part) {
				case BIOGENIC -> kg >= 0 ? indicators.biogenicEmissions() : indicators.biogenicRemovals();
				case LULUC -> indicators.luluc();
				default -> indicators.fossil();
			}, kg);
			exchangeUncertainty(name + ", emission", UncertainParameter.Kind.INTERVENTION, p, indicators.total(), emission.getUncertainty(), kg,
					emission.getAmount().getUnit(), kg / emission.getAmount().getValue().doubleValue());
		}
		return p;
	}

	/** One module value of an EPD: a process making the declared unit, emitting the value and its split. */
	private int declaredModule(DeclaredModule module, String where) {
		DeclaredProduct product = (DeclaredProduct) module.eContainer();
		String name = "product " + qualifiedName(module);
		double per = perAmount(product);
		int p = builder.process(name, per);
		builder.location(p, Names.fileOf(product));
		processes.put(module, p);
		double total = Quantities.in(module.getValue(), "kgCO2e", name);
		GwpSplit split = module.getSplit();
		double biogenic = split == null ? 0 : modulePart(split.getBiogenic(), module, name);
		double luluc = split == null ? 0 : modulePart(split.getLuluc(), module, name);
		double fossil = split == null || split.getFossil() == null ? total - biogenic - luluc : modulePart(split.getFossil(), module, name);
		splitInterventions(p, fossil, biogenic, luluc, split != null);
		Uncertainty u = module.getUncertainty();
		if (u != null && u.getDistribution() != null && total != 0) {
			uncertain.add(new Pending(name, UncertainParameter.Kind.INTERVENTION, p, indicators.total(),
					distribution(u, total, module.getValue().getUnit(), total / module.getValue().getValue().doubleValue(), "uncertainty of " + name)));
		}
		return p;
	}

	/** An EPD as a provider (a material, an input): its product stage, A1 to A3, per declared unit. */
	private int productStage(DeclaredProduct product, String where) {
		List<DeclaredModule> stage = DeclaredProducts.productStage(product);
		if (stage.isEmpty()) {
			throw new CalculationException(product, where + ": product '" + product.getName() + "' declares no product-stage value (A1-A3), so it "
					+ "cannot be used as a material or an input");
		}
		double per = perAmount(product);
		int p = builder.process("product " + qualifiedName(product) + " (product stage)", per);
		processes.put(product, p);
		for (DeclaredModule module : stage) {
			builder.input(p, process(module, where), per);
		}
		return p;
	}

	private static double perAmount(DeclaredProduct product) {
		double per = product.getPer() == null || product.getPer().getValue() == null ? 0 : product.getPer().getValue().doubleValue();
		if (per <= 0) {
			throw new CalculationException(product, "product '" + product.getName() + "': its declared unit must be positive (per 1 kg ...)");
		}
		return per;
	}

	private static double modulePart(Quantity q, DeclaredModule module, String where) {
		if (q == null || q.getValue() == null) {
			return 0;
		}
		if (q.getUnit() == null || q.getUnit().isEmpty()) {
			return Quantities.convert(q.getValue().doubleValue(), module.getValue().getUnit(), "kgCO2e");
		}
		return Quantities.in(q, "kgCO2e", where + ", GWP split");
	}

	/** The declared products used (as providers or through subassemblies), in the order first reached. */
	List<DeclaredProduct> products() {
		return processes.keySet().stream().map(k -> k instanceof DeclaredModule m ? m.eContainer() : k).filter(DeclaredProduct.class::isInstance)
				.map(DeclaredProduct.class::cast).distinct().toList();
	}

	/** GWP-total (location- and market-based) and its EN 15804+A2 parts; an undeclared split is also counted as such. */
	private void splitInterventions(int p, double fossil, double biogenic, double luluc, boolean declared) {
		double sum = fossil + biogenic + luluc;
		builder.intervention(p, indicators.total(), sum);
		builder.intervention(p, indicators.market(), sum);
		builder.intervention(p, indicators.fossil(), fossil);
		if (biogenic != 0) {
			builder.intervention(p, biogenic > 0 ? indicators.biogenicEmissions() : indicators.biogenicRemovals(), biogenic);
		}
		if (luluc != 0) {
			builder.intervention(p, indicators.luluc(), luluc);
		}
		if (!declared) {
			builder.intervention(p, indicators.undeclared(), sum);
		}
	}

	/**
	 * GWP-total, its split and the market-based figure of a factor. A declared split's missing fossil part is the
	 * remainder of the total; without a split the whole value is fossil (and counted as undeclared).
	 */
	private void factorInterventions(int p, EmissionFactor factor, double total, String where) {
		GwpSplit split = factor.getSplit();
		double biogenic = split == null ? 0 : part(split.getBiogenic(), factor, where);
		double luluc = split == null ? 0 : part(split.getLuluc(), factor, where);
		double fossil = split == null || split.getFossil() == null ? total - biogenic - luluc : part(split.getFossil(), factor, where);
		splitInterventions(p, fossil, biogenic, luluc, split != null);
		Uncertainty u = factor.getUncertainty();
		if (u != null && u.getDistribution() != null) {
			uncertain.add(new Pending(qualifiedName(factor), UncertainParameter.Kind.INTERVENTION, p, indicators.total(),
					distribution(u, total, factor.getValue().getUnit(), total / factor.getValue().getValue().doubleValue(),
							"uncertainty of factor " + factor.getName())));
		}
	}

	private static double part(Quantity q, EmissionFactor factor, String where) {
		if (q == null || q.getValue() == null) {
			return 0;
		}
		Quantity withUnit = q;
		if (q.getUnit() == null || q.getUnit().isEmpty()) {
			withUnit = org.eclipse.emf.ecore.util.EcoreUtil.copy(q);
			withUnit.setUnit(factor.getValue().getUnit());
		}
		String activity = Quantities.factor(factor, where).activityUnit();
		return Quantities.in(withUnit, "kgCO2e/" + activity, where + ", GWP split of factor '" + factor.getName() + "'");
	}

	private void exchangeUncertainty(String name, UncertainParameter.Kind kind, int process, int other, Uncertainty u, double median,
			String unit, double scale) {
		if (u == null || u.getDistribution() == null || median == 0) {
			return;
		}
		uncertain.add(new Pending(name, kind, process, other, distribution(u, median, unit, scale, "uncertainty of " + name)));
	}

	/** A distribution around {@code median}; spreads in {@code unit} are scaled by {@code scale} into the system's units. */
	static ContinuousDistribution distribution(Uncertainty u, double median, String unit, double scale, String where) {
		return switch (u.getDistribution()) {
			case LOGNORMAL -> UncertainParameter.logNormal(median, u.getGsd().doubleValue());
			case NORMAL -> UncertainParameter.normal(median, spread(u.getSd(), unit, where) * scale);
			case TRIANGULAR -> UncertainParameter.triangular(spread(u.getMin(), unit, where) * scale, spread(u.getMode(), unit, where) * scale,
					spread(u.getMax(), unit, where) * scale);
			case UNIFORM -> UncertainParameter.uniform(spread(u.getMin(), unit, where) * scale, spread(u.getMax(), unit, where) * scale);
		};
	}

	private static double spread(Quantity q, String unit, String where) {
		if (q != null && (q.getUnit() == null || q.getUnit().isEmpty())) {
			return q.getValue().doubleValue();
		}
		return Quantities.in(q, unit, where);
	}

	/** The Monte Carlo parameters, positioned in the built system. */
	List<UncertainParameter> parameters(ProductSystem system) {
		List<UncertainParameter> parameters = new ArrayList<>();
		for (Pending p : uncertain) {
			int position = switch (p.kind()) {
				case INPUT -> system.inputPosition(p.other(), p.process());
				case INTERVENTION -> system.interventionPosition(p.process(), p.other());
				default -> p.process();
			};
			parameters.add(new UncertainParameter(p.name(), p.kind(), position, p.distribution()));
		}
		return parameters;
	}

	/** Describes the processes in loops for an error message. */
	static String describe(List<Process> loop) {
		return String.join(", ", loop.stream().map(Names::qualifiedName).toList()) + " (" + format(loop.size()) + " processes)";
	}
}
