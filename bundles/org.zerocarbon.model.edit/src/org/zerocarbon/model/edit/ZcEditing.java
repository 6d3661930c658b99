package org.zerocarbon.model.edit;

import java.util.List;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.ComposeableAdapterFactory;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IChangeNotifier;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.emf.edit.provider.INotifyChangedListener;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterFactoryImpl;
import org.zerocarbon.model.zc.ZcPackage;
import org.zerocarbon.model.zc.provider.ZcItemProviderAdapterFactory;

/**
 * The entry point of EMF.Edit for ZeroCarbon models: an adapter factory whose label providers and property
 * sources are those of this bundle ({@link ZcLabels}, {@link ZcProperties}) and whose other providers (tree
 * content, commands) are the generated ones.
 * <pre>
 * ComposedAdapterFactory factory = ZcEditing.createAdapterFactory();
 * IItemPropertySource source = (IItemPropertySource) factory.adapt(machine, IItemPropertySource.class);
 * ...
 * factory.dispose();
 * </pre>
 */
public final class ZcEditing {

	private ZcEditing() {
	}

	/** A new adapter factory for ZeroCarbon models (and reflective providers for anything else); dispose it after use. */
	public static ComposedAdapterFactory createAdapterFactory() {
		ZcItemProviderAdapterFactory generated = new ZcItemProviderAdapterFactory();
		ComposedAdapterFactory factory = new ComposedAdapterFactory();
		// First, so that labels and property sources are this bundle's; everything else falls through.
		factory.addAdapterFactory(new Decorations(generated));
		factory.addAdapterFactory(generated);
		factory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		return factory;
	}

	/** The property descriptors of an element, with categories and descriptions; see {@link ZcProperties}. */
	public static List<IItemPropertyDescriptor> propertyDescriptors(ComposedAdapterFactory factory, EObject element) {
		IItemPropertySource source = (IItemPropertySource) factory.adapt(element, IItemPropertySource.class);
		return source == null ? List.of() : source.getPropertyDescriptors(element);
	}

	/**
	 * Label providers and property sources for ZeroCarbon elements that add to the generated ones. Not attached to
	 * the elements (the generated providers are): each request gets a light wrapper of the generated provider.
	 */
	private static final class Decorations extends AdapterFactoryImpl implements ComposeableAdapterFactory, IChangeNotifier {

		private final ZcItemProviderAdapterFactory generated;
		private ComposedAdapterFactory parent;

		Decorations(ZcItemProviderAdapterFactory generated) {
			this.generated = generated;
		}

		@Override
		public boolean isFactoryForType(Object type) {
			return type == ZcPackage.eINSTANCE || type == IItemLabelProvider.class || type == IItemPropertySource.class;
		}

		@Override
		public Object adapt(Object object, Object type) {
			if (!(object instanceof EObject element) || element.eClass().getEPackage() != ZcPackage.eINSTANCE) {
				return null;
			}
			Object provider = generated.adapt(element, type);
			if (type == IItemLabelProvider.class && provider instanceof IItemLabelProvider labels) {
				return new Labels(labels);
			}
			if (type == IItemPropertySource.class && provider instanceof IItemPropertySource properties) {
				return new Properties(properties, getRootAdapterFactory());
			}
			return provider;
		}

		@Override
		public Adapter adapt(Notifier target, Object type) {
			// ComposedAdapterFactory asks for an Adapter; the wrappers are ones that are never attached.
			Object adapted = adapt((Object) target, type);
			return adapted instanceof Adapter adapter ? adapter : null;
		}

		@Override
		public ComposeableAdapterFactory getRootAdapterFactory() {
			return parent == null ? this : parent.getRootAdapterFactory();
		}

		@Override
		public void setParentAdapterFactory(ComposedAdapterFactory parentAdapterFactory) {
			this.parent = parentAdapterFactory;
		}

		// The wrappers hold no state, so there is nothing to notify about.
		@Override
		public void addListener(INotifyChangedListener listener) {
		}

		@Override
		public void removeListener(INotifyChangedListener listener) {
		}

		@Override
		public void fireNotifyChanged(Notification notification) {
		}
	}

	/** An adapter that is only handed out, never attached to its target. */
	private interface Detached extends Adapter {
		@Override
		default void notifyChanged(Notification notification) {
		}

		@Override
		default Notifier getTarget() {
			return null;
		}

		@Override
		default void setTarget(Notifier newTarget) {
		}

		@Override
		default boolean isAdapterForType(Object type) {
			return false;
		}
	}

	/** The generated label provider with the element's name and key figure. */
	private record Labels(IItemLabelProvider generated) implements IItemLabelProvider, Detached {
		@Override
		public String getText(Object object) {
			return object instanceof EObject element ? ZcLabels.label(element) : generated.getText(object);
		}

		@Override
		public Object getImage(Object object) {
			return generated.getImage(object);
		}
	}

	/** The generated property source with categories, descriptions and quantities. */
	private record Properties(IItemPropertySource generated, ComposeableAdapterFactory root)
			implements IItemPropertySource, Detached {
		@Override
		public List<IItemPropertyDescriptor> getPropertyDescriptors(Object object) {
			return object instanceof EObject element ? ZcProperties.of(element, generated.getPropertyDescriptors(object), root)
					: generated.getPropertyDescriptors(object);
		}

		@Override
		public IItemPropertyDescriptor getPropertyDescriptor(Object object, Object propertyID) {
			for (IItemPropertyDescriptor descriptor : getPropertyDescriptors(object)) {
				if (propertyID.equals(descriptor.getId(object))) {
					return descriptor;
				}
			}
			return null;
		}

		@Override
		public Object getEditableValue(Object object) {
			return generated.getEditableValue(object);
		}
	}
}
